// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ArticleStore",
    products: [
        .library(name: "ArticleStore", targets: ["ArticleStore"]),
        .library(name: "ArabicText", targets: ["ArabicText"]),
        .executable(name: "articles", targets: ["articles"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The system SQLite (Debian: libsqlite3-dev), with a shim for its variadic C API.
        .systemLibrary(
            name: "CArticleStoreSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // Pure Swift Arabic text analysis: no SQLite, no Foundation in the hot path.
        .target(name: "ArabicText", exclude: ["Tables/generate_tables.py"]),
        // The trained entity model as base64 text in C (written by `articles-bench train-entities`).
        .target(name: "CArticleStoreEntityModel"),
        // Build tool that turns Schema/*.sql into Swift source embedded in the library.
        .executableTarget(name: "SchemaEmbedder"),
        .plugin(
            name: "SchemaEmbedderPlugin",
            capability: .buildTool(),
            dependencies: ["SchemaEmbedder"],
            path: "Sources/SchemaEmbedderPlugin"
        ),
        .target(
            name: "ArticleStore",
            dependencies: ["CArticleStoreSQLite", "ArabicText", "CArticleStoreEntityModel"],
            exclude: ["Entities/generate_country_names.sh"],
            plugins: ["SchemaEmbedderPlugin"]
        ),
        .executableTarget(
            name: "articles",
            dependencies: [
                "ArticleStore",
                "ArabicText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks (see Benchmarks/README.md): `swift run -c release articles-bench help`.
        .executableTarget(
            name: "articles-bench",
            dependencies: ["ArticleStore", "ArabicText"],
            path: "Benchmarks/Sources/articles-bench"
        ),
        .testTarget(name: "ArabicTextTests", dependencies: ["ArabicText"]),
        .testTarget(name: "ArticleStoreTests", dependencies: ["ArticleStore", "CArticleStoreSQLite"]),
        .testTarget(name: "CLITests", dependencies: ["articles"]),
    ]
)
