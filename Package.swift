// swift-tools-version:6.0
import PackageDescription

// Every Swift function in a section of its own, so that the linker can place the ones srun
// runs on its common paths side by side (Sources/srun/symbol-order.txt, made by
// integration/bench/symbol-order.sh): fewer pages touched, less resident memory per call.
// Type metadata through accessor functions instead of mangled names, which the Swift runtime
// demangles on first use in every process (a quarter of a millisecond of a `run`).
let functionSections: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-function-sections", "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])]
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

        // ASCII text handled as bytes (decimal numbers, prefixes), for procfs, cgroup files, JSON
        // and paths, without the stdlib's Unicode machinery.
        .target(name: "ASCIIText", swiftSettings: functionSections),
        // The runtime-spec as Swift values; decoding, encoding, validation. No syscalls.
        .target(name: "OCI", dependencies: ["CYajl", "ASCIIText"], swiftSettings: functionSections),
        // Thin throwing wrappers over the system calls srun makes (libcap and libseccomp included).
        .target(name: "Linux", dependencies: ["CShim", "CCap", "CSeccomp", "ASCIIText"], swiftSettings: functionSections),
        // cgroup v1, v2 and hybrid hierarchies: placement, resources, freezer, stats, OOM events.
        .target(name: "Cgroups", dependencies: ["ASCIIText", "Linux", "OCI", "CShim"], swiftSettings: functionSections),
        // Container lifecycle and the pieces every command shares.
        .target(name: "Runtime", dependencies: ["ASCIIText", "OCI", "Linux", "Cgroups", "CSeccomp", "CCap"], swiftSettings: functionSections),
        // The runc-compatible command line.
        .executableTarget(
            name: "srun",
            dependencies: ["ASCIIText", "Runtime"],
            exclude: ["symbol-order.txt"],
            swiftSettings: functionSections,
            linkerSettings: [.unsafeFlags([
                "-static-executable", "-use-ld=lld",
                // Sources/CShim/entry.c: the sealed re-exec of create and run before glibc starts.
                "-Xlinker", "--entry=srun_entry",
                "-Xlinker", "--symbol-ordering-file=" + symbolOrder, "-Xlinker", "--no-warn-symbol-ordering",
            ])]
        ),

        .testTarget(name: "OCITests", dependencies: ["OCI"]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime"]),
        .testTarget(name: "ASCIITextTests", dependencies: ["ASCIIText"]),
        .testTarget(name: "LinuxTests", dependencies: ["Linux"]),
        .testTarget(name: "CgroupsTests", dependencies: ["Cgroups", "OCI"]),
    ],
    swiftLanguageModes: [.v6]
)
