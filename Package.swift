// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "parley", targets: ["parley"]),
        .library(name: "MessageLint", targets: ["MessageLint"]),
        .library(name: "PCRE2", targets: ["PCRE2"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .target(name: "PCRE2", dependencies: ["CPCRE2"], swiftSettings: swiftSettings),
        .target(
            name: "MessageLint",
            dependencies: ["PCRE2", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ReplyTemplates",
            dependencies: [
                "MessageLint", .product(name: "Mustache", package: "swift-mustache"), .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "MailImport", dependencies: ["PCRE2"], swiftSettings: swiftSettings),
        .target(name: "ParleyConfig", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        .target(
            name: "MessageStore",
            dependencies: [
                "MailImport", "MessageLint", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for reading the columns of large scans without GRDB's per-row work.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ParleyCLI",
            dependencies: [
                "MessageLint", "PCRE2", "ReplyTemplates", "MailImport", "MessageStore", "ParleyConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "parley", dependencies: ["ParleyCLI"], swiftSettings: swiftSettings),
        .target(name: "TestSupport", dependencies: ["MessageLint"], path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MessageLintTests", dependencies: ["MessageLint", "TestSupport", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ReplyTemplatesTests", dependencies: ["ReplyTemplates", "MessageLint", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(name: "MailImportTests", dependencies: ["MailImport", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ParleyConfigTests", dependencies: ["ParleyConfig", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "MessageStoreTests", dependencies: ["MessageStore", "MailImport", "MessageLint", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ParleyCLITests", dependencies: ["ParleyCLI", "MessageLint", "MessageStore", "MailImport", "ParleyConfig", "TestSupport"],
            swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)

// Benchmarks pull in ordo-one/benchmark and its plugin; plain `swift build`/`swift test` never compile them.
if Context.environment["ENABLE_PARLEY_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]))
    package.targets.append(
        .executableTarget(
            name: "LintBenchmarks",
            dependencies: ["MessageLint", "PCRE2", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/LintBenchmarks",
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ))
    package.targets.append(
        .executableTarget(
            name: "StoreBenchmarks",
            dependencies: [
                "MailImport", "MessageStore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/StoreBenchmarks",
            exclude: ["cli_store.sh"],
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ))
}
