extension Runner {
    public func lint(_ options: Options) -> Int32 { fail("flaglint: lint is being wired") }
    public func flags(_ options: Options) -> Int32 { fail("flaglint: flags is being wired") }
    public func sdks(_ id: String?) -> Int32 { fail("flaglint: sdks is being wired") }
    public func initConfiguration(force: Bool) -> Int32 { fail("flaglint: init is being wired") }
}
