extension Resources {
    /// A `linux.resources` object on its own, as `update --resources` reads it: decoded and
    /// checked as in a config, errors naming `document` ("-" for stdin) and the field.
    public static func decodeDocument(_ bytes: [UInt8], document: String) throws(ConfigError) -> Resources {
        do {
            let resources = try Resources.decode(bytes)
            try resources.validate(at: .root)
            return resources
        } catch {
            throw error.in(document)
        }
    }
}
