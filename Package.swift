// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "srun",
    products: [
        .executable(name: "srun", targets: ["srun"]),
    ],
    targets: [
        // C only for what Swift cannot import: variadic calls and function-like macros.
        .target(name: "CShim", cSettings: [.define("_GNU_SOURCE")]),
        .systemLibrary(name: "CSeccomp", path: "Sources/CSeccomp"),
        .systemLibrary(name: "CCap", path: "Sources/CCap"),
        .systemLibrary(name: "CYajl", path: "Sources/CYajl"),

        // The runtime-spec as Swift values; decoding, encoding, validation. No syscalls.
        .target(name: "OCI", dependencies: ["CYajl"]),
        // Thin throwing wrappers over the system calls srun makes.
        .target(name: "Linux", dependencies: ["CShim"]),
        // cgroup v1, v2 and hybrid hierarchies.
        .target(name: "Cgroups", dependencies: ["Linux"]),
        // Container lifecycle and the pieces every command shares.
        .target(name: "Runtime", dependencies: ["OCI", "Linux", "Cgroups", "CSeccomp", "CCap"]),
        // The runc-compatible command line.
        .executableTarget(
            name: "srun",
            dependencies: ["Runtime"],
            linkerSettings: [.unsafeFlags(["-static-executable"])]
        ),

        .testTarget(name: "OCITests", dependencies: ["OCI"]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime"]),
        .testTarget(name: "LinuxTests", dependencies: ["Linux"]),
        .testTarget(name: "CgroupsTests", dependencies: ["Cgroups"]),
    ],
    swiftLanguageModes: [.v6]
)
