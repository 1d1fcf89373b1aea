/// GitHub code scanning's `primaryLocationLineHash`: the value `upload-sarif` computes when a
/// result has none. Computing the same value here keeps alerts matched across runs even when
/// the SARIF is uploaded by a tool that does not fingerprint.
///
/// Each line's hash is a polynomial rolling hash (base 37, wrapping 64-bit arithmetic) over the
/// next 100 characters of the file counted from the line's start, ignoring spaces and tabs and
/// reading `\r\n`/`\r` as `\n`; the file is followed by an end marker and zero padding. Equal
/// hashes are told apart by their occurrence number: `hex:1`, `hex:2`, ...
/// Characters are UTF-16 code units, as in the JavaScript original.
public enum SARIFLineHash {
    private static let window = 100
    private static let base: UInt64 = 37
    private static let endOfFile: UInt16 = 0xFFFF

    /// `hashes[i]` is the fingerprint of 1-based line `i + 1`. A file ending in a newline has one
    /// more (empty) line than it has newlines, as GitHub counts them.
    public static func hashes(of text: String) -> [String] {
        var firstMod: UInt64 = 1
        for _ in 0..<window { firstMod = firstMod &* base }

        var ring = [UInt64](repeating: 0, count: window)
        var lineAt = [Int](repeating: -1, count: window)
        var hash: UInt64 = 0
        var index = 0
        var lineNumber = 0
        var atLineStart = true
        var previousWasCR = false
        var occurrences: [UInt64: Int] = [:]
        var result: [String] = []

        func emit() {
            occurrences[hash, default: 0] += 1
            let line = lineAt[index]
            // Lines are emitted in order, so the array index is the line number.
            if line == result.count + 1 {
                result.append("\(String(hash, radix: 16)):\(occurrences[hash]!)")
            }
            lineAt[index] = -1
        }

        func roll(_ unit: UInt64) {
            let leaving = ring[index]
            ring[index] = unit
            hash = base &* hash &+ unit &- firstMod &* leaving
            index = (index + 1) % window
        }

        func process(_ unit: UInt16) {
            var current = unit
            if current == 0x20 || current == 0x09 || (previousWasCR && current == 0x0A) {
                previousWasCR = false
                return
            }
            if current == 0x0D {
                current = 0x0A
                previousWasCR = true
            } else {
                previousWasCR = false
            }
            if lineAt[index] != -1 { emit() }
            if atLineStart {
                atLineStart = false
                lineNumber += 1
                lineAt[index] = lineNumber
            }
            if current == 0x0A { atLineStart = true }
            roll(UInt64(current))
        }

        for unit in text.utf16 { process(unit) }
        process(endOfFile)
        for _ in 0..<window {
            if lineAt[index] != -1 { emit() }
            roll(0)
        }
        return result
    }
}
