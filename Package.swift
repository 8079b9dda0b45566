// swift-tools-version: 6.0
import PackageDescription

// One module per pipeline stage (see docs/architecture.md). Dependencies point one way:
// vnplan ► VNPlanPipeline ► (Readers, Layout, Normalizer, Tables, Repository) ► VNPlanModel.
let package = Package(
    name: "vnplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vnplan", targets: ["vnplan"]),
        // Benchmarks and language-model training: for developers, not shipped as vnplan.
        .executable(name: "vnplan-dev", targets: ["vnplan-dev"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // System libraries, found through pkg-config.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib cairo",
                       providers: [.apt(["libpoppler-glib-dev", "libcairo2-dev"])]),
        // poppler's core (C++), for what poppler-glib does not expose; used by PopplerCore only.
        .systemLibrary(name: "CPopplerCore", pkgConfig: "poppler",
                       providers: [.apt(["libpoppler-private-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CTesseract", pkgConfig: "tesseract lept",
                       providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]),

        // What poppler-glib hides: glyphs drawn without a map to Unicode, painted lines, messages (C++).
        .target(name: "PopplerCore", dependencies: ["CPopplerCore"]),

        .target(name: "VNPlanModel"),
        .target(name: "VNPlanReaders", dependencies: [
            "VNPlanModel", "CLibXML2", "CPoppler", "PopplerCore", "CTesseract", "COpenSSL", "CZlib",
        ]),
        .target(name: "VNPlanLayout", dependencies: ["VNPlanModel"]),
        .target(name: "VNPlanNormalizer", dependencies: ["VNPlanModel"],
                resources: [.copy("Resources/syllable-lm.bin")]),
        .target(name: "VNPlanTables", dependencies: ["VNPlanModel"]),
        .target(name: "VNPlanRepository", dependencies: [
            "VNPlanModel",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], resources: [.copy("Resources/plan.schema.json")]),
        // Outputs for people (Markdown, HTML, xlsx): a writer per format, around the plan model.
        .target(name: "VNPlanWriters", dependencies: ["VNPlanModel", "CXlsxWriter"]),
        .target(name: "VNPlanPipeline", dependencies: [
            "VNPlanModel", "VNPlanReaders", "VNPlanLayout", "VNPlanNormalizer", "VNPlanTables", "VNPlanRepository",
            "VNPlanWriters",
        ], resources: [.copy("Resources/pipeline.json")]),
        // Command-line pieces both executables share (--pipeline, failures).
        .target(name: "VNPlanCommandOptions", dependencies: [
            "VNPlanPipeline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "vnplan", dependencies: [
            "VNPlanPipeline", "VNPlanCommandOptions", "VNPlanRepository", "VNPlanWriters",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "vnplan-dev", dependencies: [
            "VNPlanPipeline", "VNPlanNormalizer", "VNPlanCommandOptions",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "VNPlanModelTests", dependencies: ["VNPlanModel"]),
        .testTarget(name: "VNPlanReadersTests", dependencies: ["VNPlanReaders"]),
        .testTarget(name: "VNPlanLayoutTests", dependencies: ["VNPlanLayout", "VNPlanReaders"]),
        .testTarget(name: "VNPlanNormalizerTests", dependencies: ["VNPlanNormalizer"]),
        .testTarget(name: "VNPlanTablesTests", dependencies: ["VNPlanTables", "VNPlanReaders"]),
        .testTarget(name: "VNPlanRepositoryTests", dependencies: ["VNPlanRepository"]),
        .testTarget(name: "VNPlanPipelineTests", dependencies: ["VNPlanPipeline"]),
        .testTarget(name: "VNPlanWritersTests", dependencies: ["VNPlanWriters"]),
    ],
    cxxLanguageStandard: .cxx17
)
