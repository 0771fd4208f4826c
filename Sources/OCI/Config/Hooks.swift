/// The lifecycle hooks, in the order the spec lists them.
public struct Hooks: Equatable, Sendable {
    public var prestart: [Hook] = []
    public var createRuntime: [Hook] = []
    public var createContainer: [Hook] = []
    public var startContainer: [Hook] = []
    public var poststart: [Hook] = []
    public var poststop: [Hook] = []

    public init() {}

    /// Every kind with its hooks, for code that treats them alike (validation, features).
    public static let kinds: [(name: String, hooks: KeyPath<Hooks, [Hook]> & Sendable)] = [
        ("prestart", \.prestart), ("createRuntime", \.createRuntime),
        ("createContainer", \.createContainer), ("startContainer", \.startContainer),
        ("poststart", \.poststart), ("poststop", \.poststop),
    ]
}

extension Hooks: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        prestart = try o.optional("prestart")
        createRuntime = try o.optional("createRuntime")
        createContainer = try o.optional("createContainer")
        startContainer = try o.optional("startContainer")
        poststart = try o.optional("poststart")
        poststop = try o.optional("poststop")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        for kind in Hooks.kinds {
            o.setNonEmpty(kind.name, self[keyPath: kind.hooks])
        }
        return o.json
    }
}

public struct Hook: Equatable, Sendable {
    public var path: String
    public var args: [String] = []
    public var env: [String] = []
    /// Seconds; the spec requires it to be greater than zero when set.
    public var timeout: Int?

    public init(path: String, args: [String] = [], env: [String] = [], timeout: Int? = nil) {
        self.path = path
        self.args = args
        self.env = env
        self.timeout = timeout
    }
}

extension Hook: JSONCodable {
    public init(json: JSON, at path: JSONPath) throws(ConfigError) {
        let o = try JSONObjectReader(json, at: path)
        self.path = try o.required("path")
        args = try o.optional("args")
        env = try o.optional("env")
        timeout = try o.optional("timeout")
    }

    public var json: JSON {
        var o = JSONObjectBuilder()
        o.set("path", path)
        o.setNonEmpty("args", args)
        o.setNonEmpty("env", env)
        o.set("timeout", timeout)
        return o.json
    }
}
