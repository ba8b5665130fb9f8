// swift-tools-version:6.0
// A separate package that uses ArticleStore the way an app does: by path, public API only, in
// the Swift 6 language mode (strict concurrency). `.ci/public-api-check` builds and runs it
// beside a link named ArticleStore that points at the repository, and checks that the
// ReachesInternals target does not compile.
import PackageDescription

let package = Package(
    name: "PublicAPIClient",
    dependencies: [
        .package(path: "../ArticleStore"),
    ],
    targets: [
        .executableTarget(
            name: "PublicAPIClient",
            dependencies: [.product(name: "ArticleStore", package: "ArticleStore")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // Must fail to build: it reaches for the connection and SQL types the library keeps to itself.
        .executableTarget(
            name: "ReachesInternals",
            dependencies: [.product(name: "ArticleStore", package: "ArticleStore")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
