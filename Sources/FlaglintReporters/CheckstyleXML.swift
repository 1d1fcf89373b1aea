/// XML 1.0 text shared by the Checkstyle and JUnit reporters.
enum CheckstyleXML {
    /// Escapes text for an attribute value or element content. Line breaks and tabs become
    /// character references so attribute normalisation cannot turn them into spaces; control
    /// characters XML 1.0 cannot represent at all become U+FFFD rather than an unparsable file.
    package static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    package static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
}
