import Foundation
import ParleyConfig
import TestSupport
import Testing

/// The Parley config file: where it is looked for, what it may say, and the exact errors for what
/// it may not.
@Suite struct ConfigFileTests {
    let folder: URL

    init() throws {
        folder = try Fixtures.temporaryDirectory()
    }

    /// Writes `contents` to `relativePath` below the scratch folder and returns its path.
    func write(_ relativePath: String, _ contents: String) throws -> String {
        let url = folder.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func parseError(_ yaml: String) throws -> String {
        let path = try write("config.yaml", yaml)
        do {
            let settings = try ConfigFile(path: path, origin: .option).load()
            return "no error: \(settings)"
        } catch {
            return error.description.replacingOccurrences(of: path, with: "config.yaml")
        }
    }

    @Test func optionThenVariableThenXDGThenHome() {
        let environment = ["PARLEY_CONFIG": "/env/config.yaml", "XDG_CONFIG_HOME": "/xdg", "HOME": "/home/pat"]
        #expect(
            ConfigFile.locate(option: "/opt/parley.yaml", environment: environment) == ConfigFile(path: "/opt/parley.yaml", origin: .option)
        )
        #expect(ConfigFile.locate(option: nil, environment: environment) == ConfigFile(path: "/env/config.yaml", origin: .environment))
        var withoutVariable = environment
        withoutVariable["PARLEY_CONFIG"] = ""
        #expect(
            ConfigFile.locate(option: nil, environment: withoutVariable)
                == ConfigFile(path: "/xdg/parley/config.yaml", origin: .defaultPlace))
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        withoutVariable["XDG_CONFIG_HOME"] = "relative/config"
        #expect(
            ConfigFile.locate(option: nil, environment: withoutVariable)
                == ConfigFile(path: "/home/pat/.config/parley/config.yaml", origin: .defaultPlace))
        #expect(ConfigFile.locate(option: nil, environment: [:]) == nil)
    }

    @Test func fileIsFoundThroughVariableXDGAndHome() throws {
        let yaml = "seller:\n  addresses: [Orders@Shop.example]\n"
        let named = try write("named.yaml", yaml)
        let xdg = try write("xdg/parley/config.yaml", yaml)
        let home = try write("home/.config/parley/config.yaml", yaml)
        let expected = ["orders@shop.example"]
        #expect(try ConfigFile.settings(option: nil, environment: ["PARLEY_CONFIG": named]).sellerAddresses == expected)
        let fromXDG = try ConfigFile.settings(
            option: nil, environment: ["XDG_CONFIG_HOME": folder.appendingPathComponent("xdg").path, "HOME": "/nonexistent"])
        #expect(fromXDG == ParleySettings(sellerAddresses: expected, file: xdg))
        let fromHome = try ConfigFile.settings(option: nil, environment: ["HOME": folder.appendingPathComponent("home").path])
        #expect(fromHome == ParleySettings(sellerAddresses: expected, file: home))
    }

    @Test func missingFileIsAnErrorOnlyWhenNamed() throws {
        // Nothing at the default place: no settings, no error.
        #expect(try ConfigFile.settings(option: nil, environment: ["HOME": folder.path]) == ParleySettings())
        let missing = folder.appendingPathComponent("missing.yaml").path
        #expect(throws: ConfigFileError(file: missing, message: "no such config file (named by PARLEY_CONFIG)")) {
            try ConfigFile.settings(option: nil, environment: ["PARLEY_CONFIG": missing])
        }
        #expect(throws: ConfigFileError(file: missing, message: "no such config file")) {
            try ConfigFile.settings(option: missing, environment: [:])
        }
        #expect(throws: ConfigFileError(file: folder.path, message: "the config file is a directory")) {
            try ConfigFile.settings(option: folder.path, environment: [:])
        }
    }

    @Test func addressesAreNormalisedListedOnceAndMayBeOneString() throws {
        let path = try write(
            "config.yaml",
            """
            # the shop's own mailboxes
            seller:
              addresses:
                - Orders@Shop.example
                - " help@shop.example "
                - orders@shop.example
            """)
        #expect(try ConfigFile(path: path, origin: .option).load().sellerAddresses == ["orders@shop.example", "help@shop.example"])
        let single = try write("single.yaml", "seller: {addresses: shop@example.com}\n")
        #expect(try ConfigFile(path: single, origin: .option).load().sellerAddresses == ["shop@example.com"])
        for empty in ["", "# nothing yet\n", "seller:\n", "seller:\n  addresses:\n"] {
            let path = try write("empty.yaml", empty)
            #expect(try ConfigFile(path: path, origin: .option).load() == ParleySettings(file: path), "\(empty)")
        }
    }

    @Test func unknownKeysNameFileLineAndColumn() throws {
        #expect(
            try parseError("seller:\n  adresses: [shop@example.com]\n")
                == "config.yaml:2:3: unknown key 'adresses' in seller (expected addresses)")
        #expect(
            try parseError("# Parley\nsellers:\n  addresses: [shop@example.com]\n")
                == "config.yaml:2:1: unknown key 'sellers' in the config file (expected seller)")
        let duplicate = try parseError("seller:\n  addresses: []\nseller:\n  addresses: []\n")
        #expect(duplicate == "config.yaml:1:1: duplicate key 'seller' in the mapping that starts here")
        let nested = try parseError("seller:\n  addresses: []\n  addresses: [a@b.example]\n")
        #expect(nested == "config.yaml:2:3: duplicate key 'addresses' in the mapping that starts here")
    }

    @Test func badValuesNameTheirPlace() throws {
        #expect(
            try parseError("seller:\n  addresses:\n    - shop@example.com\n    - Shop Team\n")
                == "config.yaml:4:7: 'Shop Team' in seller.addresses is not an email address (expected a@b.example)")
        #expect(try parseError("seller: shop@example.com\n") == "config.yaml:1:9: seller must be a mapping (key: value)")
        #expect(try parseError("- shop@example.com\n") == "config.yaml:1:1: the config file must be a mapping (key: value)")
        #expect(
            try parseError("seller:\n  addresses: {main: shop@example.com}\n")
                == "config.yaml:2:14: 'addresses' must be a string or a list of strings")
        #expect(try parseError("seller:\n  addresses: [[a@b.example]]\n") == "config.yaml:2:15: 'addresses' must list strings")
    }

    @Test func malformedYAMLNamesFileAndLine() throws {
        let unclosed = try parseError("seller:\n  addresses: [shop@example.com\n")
        #expect(unclosed == "config.yaml:3:1: malformed YAML: while parsing a flow sequence, did not find expected ',' or ']'")
        let tab = try parseError("seller:\n\taddresses: []\n")
        #expect(tab.hasPrefix("config.yaml:2:1: malformed YAML: "), "\(tab)")
    }

    @Test func sellerAddressesMergeEverySourceIgnoringCase() throws {
        let settings = ParleySettings(sellerAddresses: ["orders@shop.example", "help@shop.example"])
        let merged = try SellerAddresses.merged(
            options: ["Orders@Shop.example", "me@home.example"],
            environment: ["PARLEY_SELLER_ADDRESSES": "HELP@shop.example, ,b2b@shop.example"],
            settings: settings)
        #expect(merged == ["orders@shop.example", "help@shop.example", "me@home.example", "b2b@shop.example"])
        #expect(throws: InvalidSellerAddress(variable: "PARLEY_SELLER_ADDRESSES", entry: "shop")) {
            try SellerAddresses.merged(options: [], environment: ["PARLEY_SELLER_ADDRESSES": "a@b.example,Shop"])
        }
    }
}
