/// Backslash escapes of the C family and Python string literals, decoded once for both.
enum Escapes {
    enum Dialect {
        /// `\x` takes every hex digit and, like octal, yields a byte; an unknown escape is its character.
        case c
        /// `\x` takes two digits and, like octal, yields a code point; an unknown escape stays as written.
        case python
    }

    package static func decode(_ body: ArraySlice<UInt8>, _ dialect: Dialect) -> String {
        let backslash = UInt8(ascii: "\\")
        guard body.contains(backslash) else { return String(decoding: body, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = body.startIndex
        let end = body.endIndex
        func appendScalar(_ v: UInt32) {
            out.append(contentsOf: Array(String(Character(Unicode.Scalar(v) ?? "\u{FFFD}")).utf8))
        }
        /// Up to `limit` hex digits from `i`; nil (nothing consumed) when there are fewer than `minimum`.
        func hex(limit: Int, minimum: Int) -> UInt32? {
            var v: UInt32 = 0, k = 0, j = i
            while k < limit && j < end, let d = hexDigit(body[j]) {
                v = v &* 16 &+ UInt32(d)
                j += 1
                k += 1
            }
            guard k >= minimum else { return nil }
            i = j
            return v
        }
        while i < end {
            let c = body[i]
            guard c == backslash, i + 1 < end else {
                out.append(c)
                i += 1
                continue
            }
            let e = body[i + 1]
            i += 2
            switch e {
            case 0x0A: break                                         // line continuation / splice
            case 0x0D: if i < end && body[i] == 0x0A { i += 1 }
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "e") where dialect == .c: out.append(0x1B)
            case backslash, UInt8(ascii: "'"), UInt8(ascii: "\""): out.append(e)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var v = UInt32(e - 0x30)
                var k = 1
                while k < 3 && i < end && (0x30...0x37).contains(body[i]) {
                    v = v * 8 + UInt32(body[i] - 0x30)
                    i += 1
                    k += 1
                }
                if dialect == .c { out.append(UInt8(truncatingIfNeeded: v)) } else { appendScalar(v) }
            case UInt8(ascii: "x"):
                if dialect == .c {
                    out.append(UInt8(truncatingIfNeeded: hex(limit: Int.max, minimum: 0) ?? 0))
                } else if let v = hex(limit: 2, minimum: 2) {
                    appendScalar(v)
                } else {
                    out.append(backslash); out.append(e)
                }
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let n = e == UInt8(ascii: "u") ? 4 : 8
                if let v = hex(limit: n, minimum: dialect == .c ? 0 : n) {
                    appendScalar(v)
                } else {
                    out.append(backslash); out.append(e)
                }
            default:
                if dialect == .python { out.append(backslash) }
                out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hexDigit(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(c - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(c - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }
}
