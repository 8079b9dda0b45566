import ArgumentParser
import Foundation

/// A failure a person can act on: printed as "error: <message>" with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
