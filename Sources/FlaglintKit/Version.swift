public enum Flaglint { public static let version = "0.1.0" }
