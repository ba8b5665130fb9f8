public enum ArabicTextVersion { public static let value = 1 }
