import Foundation
@testable import FlaglintSupport

/// The repository's `testdata/` directory, found from this file's path.
let testdataDirectory: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("testdata").path
}()

func testdataText(_ relative: String) throws -> String {
    try String(contentsOfFile: testdataDirectory + "/" + relative, encoding: .utf8)
}

func date(_ text: String) -> CalendarDate {
    guard case let .success(d) = CalendarDate.parse(text) else { fatalError("bad test date \(text)") }
    return d
}

/// The `RegistryError` the body throws, or nil.
func registryError(_ body: () throws -> Void) -> RegistryError? {
    do {
        try body()
        return nil
    } catch let error as RegistryError {
        return error
    } catch {
        return RegistryError(path: "?", line: 0, column: 0, message: "unexpected error \(error)")
    }
}
