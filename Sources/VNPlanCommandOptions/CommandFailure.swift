import ArgumentParser
import Foundation

/// A failure a person can act on: printed as "error: <message>" with exit code 1.
public struct CommandFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
