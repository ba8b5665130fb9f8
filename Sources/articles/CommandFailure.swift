/// An error the CLI reports itself: one line, a chosen exit status.
struct CommandFailure: Error {
    let message: String
    var exitCode: Int32 = 1
}
