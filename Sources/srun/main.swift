#if canImport(Glibc)
import Glibc
#endif
import Runtime

BinarySeal.ensureEarly(CommandLine.arguments)
exit(CLI.main(CommandLine.arguments))
