// swift-tools-version:6.0
import PackageDescription

// Every Swift function in a section of its own, so that the linker can place the ones srun
// runs on its common paths side by side (Sources/srun/symbol-order.txt, made by
// integration/bench/symbol-order.sh): fewer pages touched, less resident memory per call.
let functionSections: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-function-sections"])]
let symbolOrder = Context.packageDirectory + "/Sources/srun/symbol-order.txt"

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
        .target(name: "OCI", dependencies: ["CYajl"], swiftSettings: functionSections),
        // Thin throwing wrappers over the system calls srun makes (libcap and libseccomp included).
        .target(name: "Linux", dependencies: ["CShim", "CCap", "CSeccomp"], swiftSettings: functionSections),
        // cgroup v1, v2 and hybrid hierarchies: placement, resources, freezer, stats, OOM events.
        .target(name: "Cgroups", dependencies: ["Linux", "OCI", "CShim"], swiftSettings: functionSections),
        // Container lifecycle and the pieces every command shares.
        .target(name: "Runtime", dependencies: ["OCI", "Linux", "Cgroups", "CSeccomp", "CCap"], swiftSettings: functionSections),
        // The runc-compatible command line.
        .executableTarget(
            name: "srun",
            dependencies: ["Runtime"],
            exclude: ["symbol-order.txt"],
            swiftSettings: functionSections,
            linkerSettings: [.unsafeFlags([
                "-static-executable", "-use-ld=lld",
                "-Xlinker", "--symbol-ordering-file=" + symbolOrder, "-Xlinker", "--no-warn-symbol-ordering",
            ])]
        ),

        .testTarget(name: "OCITests", dependencies: ["OCI"]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime"]),
        .testTarget(name: "LinuxTests", dependencies: ["Linux"]),
        .testTarget(name: "CgroupsTests", dependencies: ["Cgroups", "OCI"]),
    ],
    swiftLanguageModes: [.v6]
)
