import ArgumentParser
import Foundation
import MessageStore
import ParleyCLI
import TestSupport
import Testing

/// `parley inbox`, `thread`, `mark`, `metrics` and `return` in process, on a seeded store, with a
/// fixed clock: 2026-03-03 15:00 UTC, 30 hours after the first message.
@Suite struct StoreCommandTests {
    let fixture: StoreCommandFixture
    let clock: FixedClock

    init() throws {
        fixture = try StoreCommandFixture()
        clock = FixedClock(now: fixture.t0 + 30 * StoreCommandFixture.hour)
    }

    func run<C: ParsableCommand>(_ type: C.Type, _ arguments: [String]) throws -> C {
        try fixture.command(type, arguments)
    }

    @Test func inboxText() throws {
        let output = try run(Parley.Inbox.self, ["inbox"]).output(clock: clock)
        #expect(
            output
                == CommandOutput(
                    text: """
                        2 threads waiting, 1 overdue (as of 2026-03-03 15:00:00 UTC)

                        T1  OVERDUE 6h 00m  (due 2026-03-03 09:00:00 UTC)
                            Sam (qw2smy2gutcr61k) · order 111-0944945-3989852 · amazon.com · 2 messages waiting
                            Order delivery inquiry from Amazon customer Sam (Order: 111-0944945-3989852)
                            "Hello?"

                        T3  2h 00m left  (due 2026-03-03 17:00:00 UTC)
                            Ana (ab12cd34ef56gh7) · no order (pre-sale) · amazon.com · 1 message waiting
                            Product details inquiry from Amazon customer Ana
                            "Is it dishwasher safe?"

                        """, exitCode: 0))
    }

    @Test func inboxColoursOverdueRedAndUnderFourHoursYellow() throws {
        let text = try run(Parley.Inbox.self, ["inbox"]).output(clock: clock, useColor: true).text
        #expect(text.contains("T1  \u{1B}[1;31mOVERDUE 6h 00m\u{1B}[0m  (due"))
        #expect(text.contains("T3  \u{1B}[1;33m2h 00m left\u{1B}[0m  (due"))
        // Five hours earlier T3 has 7 hours left: no colour.
        let earlier = try run(Parley.Inbox.self, ["inbox", "--as-of", "2026-03-03T10:00:00Z"]).output(clock: clock, useColor: true).text
        #expect(earlier.contains("T3  7h 00m left  (due"))
    }

    @Test func inboxAsOfTakesAnyOffsetAndJSON() throws {
        let json = try run(Parley.Inbox.self, ["inbox", "--as-of", "2026-03-03T10:00:00-05:00", "--format", "json"]).output().text
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(document["as_of"] as? String == "2026-03-03T15:00:00Z")
        #expect(document["version"] as? Int == 1)
        let threads = try #require(document["threads"] as? [[String: Any]])
        #expect(threads.map { $0["thread"] as? Int } == [1, 3])
        #expect(threads.map { $0["seconds_left"] as? Double } == [-21_600, 7_200])
        #expect(threads.map { $0["waiting"] as? [Int] } == [[1, 6], [7]])
        #expect(
            Set(threads[0].keys) == [
                "thread", "due_at", "seconds_left", "overdue", "buyer_name", "buyer_alias", "order_id", "marketplace", "subject",
                "waiting", "last_buyer_words",
            ])
        let empty = try run(Parley.Inbox.self, ["inbox", "--as-of", "2026-03-01T00:00:00Z"]).output().text
        #expect(empty == "No customer messages waiting (as of 2026-03-01 00:00:00 UTC).\n")
    }

    @Test func inboxLimitShowsTheMostUrgentAndCountsAll() throws {
        let text = try run(Parley.Inbox.self, ["inbox", "--limit", "1"]).output(clock: clock).text
        #expect(
            text.hasPrefix(
                """
                2 threads waiting, 1 overdue (as of 2026-03-03 15:00:00 UTC)
                Showing the 1 most urgent; --limit N shows more, --all every one.

                T1  OVERDUE 6h 00m
                """))
        #expect(!text.contains("T3"))
        // The default (50) and --all show both here, without the extra line.
        let all = try run(Parley.Inbox.self, ["inbox", "--all"]).output(clock: clock).text
        #expect(all == (try run(Parley.Inbox.self, ["inbox"]).output(clock: clock).text))
        #expect(!all.contains("Showing"))

        let json = try run(Parley.Inbox.self, ["inbox", "--limit", "1", "--format", "json"]).output(clock: clock).text
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["version", "as_of", "total_threads", "overdue_threads", "limit", "threads"])
        #expect(document["total_threads"] as? Int == 2)
        #expect(document["overdue_threads"] as? Int == 1)
        #expect(document["limit"] as? Int == 1)
        #expect((document["threads"] as? [[String: Any]])?.map { $0["thread"] as? Int } == [1])
        let allJSON = try run(Parley.Inbox.self, ["inbox", "--all", "--format", "json"]).output(clock: clock).text
        let allDocument = try #require(try JSONSerialization.jsonObject(with: Data(allJSON.utf8)) as? [String: Any])
        #expect(allDocument["limit"] is NSNull)
        #expect((allDocument["threads"] as? [[String: Any]])?.count == 2)

        for bad in ["0", "-3"] {
            #expect(throws: (any Error).self) { try Parley.parseAsRoot(["inbox", "--limit", bad, "--db", fixture.path]) }
        }
    }

    @Test(arguments: ["2026-03-03", "2026-03-03T15:00:00", "2026-02-30T10:00:00Z", "2026-03-03T24:00:00Z", "yesterday"])
    func asOfWithoutAnOffsetOrInvalidIsAUsageError(_ value: String) throws {
        #expect(throws: (any Error).self) { try Parley.parseAsRoot(["inbox", "--as-of", value, "--db", fixture.path]) }
        do {
            _ = try Parley.parseAsRoot(["inbox", "--as-of", value, "--db", fixture.path])
        } catch {
            #expect(Parley.exitStatus(for: error) == 2)
            #expect(Parley.message(for: error).contains("--as-of"))
        }
    }

    @Test func threadText() throws {
        let output = try run(Parley.ShowThread.self, ["thread", "T1"]).output(clock: clock)
        #expect(
            output.text == """
                T1  Order delivery inquiry from Amazon customer Sam (Order: 111-0944945-3989852)
                    buyer Sam (qw2smy2gutcr61k) · order 111-0944945-3989852 · amazon.com · reply to qw2smy2gutcr61k+1f@marketplace.amazon.com
                    first activity 2026-03-02 09:00:00 UTC · last activity 2026-03-02 14:00:00 UTC
                    as of 2026-03-03 15:00:00 UTC

                M1  2026-03-02 09:00:00 UTC  buyer  · no response, overdue 6h 00m
                    Subject: Order delivery inquiry from Amazon customer Sam (Order: 111-0944945-3989852)
                    Where is my parcel?
                    It was due Monday.
                    (seed.mbox: message 1)

                M2  2026-03-02 10:00:00 UTC  seller (auto-reply)
                    We got your message and will answer soon.
                    (seed.mbox: message 2)

                M6  2026-03-02 14:00:00 UTC  buyer  · no response, overdue 1h 00m
                    Hello?
                    (seed.mbox: message 3)

                """)
        let answered = try run(Parley.ShowThread.self, ["thread", "2", "--as-of", "2026-03-02T14:00:00Z"]).output(clock: clock).text
        #expect(answered.contains("M3  2026-03-02 11:00:00 UTC  buyer  · answered in 1h 00m (M4)\n"))
        #expect(answered.contains("M5  2026-03-02 13:00:00 UTC  amazon · return-request\n"))
        #expect(
            answered.hasSuffix(
                "Return requests for order 222-0000000-0000002:\n  R1 received 2026-03-02 13:00:00 UTC: open, 1d 23h left to authorize, refund or close\n"
            ))
        let early = try run(Parley.ShowThread.self, ["thread", "2", "--as-of", "2026-03-02T12:00:00Z"]).output(clock: clock).text
        #expect(early.hasSuffix("    (seed.mbox: message 6)\n\n(1 later message not shown)\n"))
    }

    @Test func threadJSONAndUnknownThread() throws {
        let json = try run(Parley.ShowThread.self, ["thread", "t3", "--format", "json"]).output(clock: clock).text
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let messages = try #require(document["messages"] as? [[String: Any]])
        #expect(messages.count == 1)
        let clockInfo = try #require(messages[0]["clock"] as? [String: Any])
        #expect(clockInfo["status"] as? String == "pending")
        #expect(clockInfo["due_at"] as? String == "2026-03-03T17:00:00Z")
        #expect((document["thread"] as? [String: Any])?["buyer_name"] as? String == "Ana")

        let command = try run(Parley.ShowThread.self, ["thread", "T9"])
        #expect(throws: InputError.self) { try command.output(clock: clock) }
        do { _ = try command.output(clock: clock) } catch {
            #expect(Parley.message(for: error) == "parley: error: no thread T9 in the store")
            #expect(Parley.exitStatus(for: error) == 2)
        }
    }

    @Test func markMessagesAndThreads() throws {
        let mark = { (arguments: [String]) in try self.run(Parley.Mark.self, ["mark"] + arguments).output(clock: self.clock).text }
        #expect(try mark(["M1", "--no-response-needed"]) == "Marked M1 (T1) no response needed.\n")
        #expect(try mark(["m1", "--no-response-needed"]) == "M1 was already marked no response needed.\n")
        #expect(try mark(["T1", "--no-response-needed"]) == "Marked 1 message of T1 no response needed: M6.\n")
        #expect(try mark(["T1", "--no-response-needed"]) == "T1 has no customer messages waiting; nothing marked.\n")
        let inbox = try run(Parley.Inbox.self, ["inbox"]).output(clock: clock).text
        #expect(inbox.hasPrefix("1 thread waiting, 0 overdue"))
        // Marks count from --at on: as of before the mark, T1 was still overdue.
        let metrics = try run(Parley.Metrics.self, ["metrics", "--windows", "7", "--format", "json", "--as-of", "2026-03-03T14:59:59Z"])
            .output(clock: clock).text
        #expect(metrics.contains(#""no_response" : 2"#))

        let seller = try run(Parley.Mark.self, ["mark", "M2", "--no-response-needed"])
        do { _ = try seller.output(clock: clock) } catch {
            #expect(
                Parley.message(for: error)
                    == "parley: error: M2 is not a customer message (only a buyer's own messages have a 24-hour clock)")
        }
        for arguments in [["mark", "1", "--no-response-needed"], ["mark", "M1"], ["mark", "X1", "--no-response-needed"]] {
            #expect(throws: (any Error).self, "\(arguments)") { try Parley.parseAsRoot(arguments + ["--db", fixture.path]) }
        }
    }

    @Test func metricsText() throws {
        let output = try run(Parley.Metrics.self, ["metrics"]).output(clock: clock)
        #expect(output.exitCode == 0)
        #expect(
            output.text == """
                Buyer-Seller Contact Metrics, as of 2026-03-03 15:00:00 UTC

                Contact Response Time                     7 days   30 days   90 days   Target
                Responses under 24 hours                   33.3%     33.3%     33.3%   ≥ 90%
                Late responses                             66.7%     66.7%     66.7%   ≤ 10%
                  Response times over 24 hours                 0         0         0
                  No response                                  2         2         2
                Average response time                     1h 00m    1h 00m    1h 00m
                Customer messages                              4         4         4
                  Responded within 24 hours                    1         1         1
                  Pending (under 24 hours)                     1         1         1
                  No response needed                           0         0         0
                Status                                   at-risk   at-risk   at-risk

                Windows (from, to] in UTC:
                  7 days   (2026-02-24 15:00:00 UTC, 2026-03-03 15:00:00 UTC]
                  30 days  (2026-02-01 15:00:00 UTC, 2026-03-03 15:00:00 UTC]
                  90 days  (2025-12-03 15:00:00 UTC, 2026-03-03 15:00:00 UTC]
                Targets are the commonly cited ones (≤ 10 % late); Amazon's help page gives none.

                Unanswered customer messages of the last 7 days: 3
                  M1  T1  Sam · order 111-0944945-3989852  received 2026-03-02 09:00:00 UTC  no response, overdue 6h 00m
                  M6  T1  Sam · order 111-0944945-3989852  received 2026-03-02 14:00:00 UTC  no response, overdue 1h 00m
                  M7  T3  Ana · no order  received 2026-03-02 17:00:00 UTC  waiting, 2h 00m left

                Return requests (48-hour clock)           7 days   30 days   60 days   Target
                Late response rate                             —         —         —   ≤ 10%
                  Return requests                              1         1         1
                  Resolved within 48 hours                     0         0         0
                  Resolved after 48 hours                      0         0         0
                  Unresolved after 48 hours                    0         0         0
                  Pending (under 48 hours)                     1         1         1
                Status                                      good      good      good

                """)
    }

    @Test func metricsJSONHasExactlyTheIssueKeysPerWindow() throws {
        let json = try run(Parley.Metrics.self, ["metrics", "--windows", "1,30", "--format", "json"]).output(clock: clock).text
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["version", "as_of", "windows", "unanswered_last_7_days", "return_requests"])
        let windows = try #require(document["windows"] as? [[String: Any]])
        #expect(windows.map { $0["days"] as? Int } == [1, 30])
        for window in windows {
            #expect(
                Set(window.keys) == [
                    "days", "from", "to", "customer_messages", "within_24h", "late", "no_response", "pending", "excluded",
                    "on_time_rate", "late_response_rate", "average_response_seconds", "status",
                ])
        }
        #expect(windows[1]["from"] as? String == "2026-02-01T15:00:00Z")
        #expect(windows[1]["late_response_rate"] as? Double == 2.0 / 3.0)
        #expect(windows[1]["status"] as? String == "at-risk")
        let unanswered = try #require(document["unanswered_last_7_days"] as? [[String: Any]])
        #expect(unanswered.map { $0["message"] as? Int } == [1, 6, 7])
        for bad in ["7,x", "0", "", "7,,30", "4000"] {
            #expect(throws: (any Error).self, "\(bad)") { try Parley.parseAsRoot(["metrics", "--windows", bad, "--db", fixture.path]) }
        }
    }

    @Test func returnStopsTheFortyEightHourClock() throws {
        let order = "222-0000000-0000002"
        let output = try run(Parley.Return.self, ["return", order, "--refunded", "--at", "2026-03-04T12:00:00Z"]).output(clock: clock)
        #expect(
            output.text
                == "Order 222-0000000-0000002: R1 received 2026-03-02 13:00:00 UTC: refunded 2026-03-04 12:00:00 UTC, after 1d 23h: on time.\n"
        )
        let again = try run(Parley.Return.self, ["return", order, "--closed"])
        do { _ = try again.output(clock: clock) } catch {
            #expect(Parley.message(for: error) == "parley: error: no open return request for order 222-0000000-0000002")
            #expect(Parley.exitStatus(for: error) == 2)
        }
        let metrics = try run(Parley.Metrics.self, ["metrics", "--as-of", "2026-03-05T00:00:00Z"]).output(clock: clock).text
        #expect(metrics.contains("Late response rate                          0.0%      0.0%      0.0%   ≤ 10%\n"))
        #expect(throws: (any Error).self) { try Parley.parseAsRoot(["return", order, "--db", fixture.path]) }
        #expect(throws: (any Error).self) { try Parley.parseAsRoot(["return", order, "--closed", "--refunded", "--db", fixture.path]) }
    }

    @Test func theStoreLocationComesFromTheOptionTheEnvironmentOrXDG() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        func inbox(_ environment: [String: String]) throws -> String {
            let command = try #require(try Parley.parseAsRoot(["inbox"]) as? Parley.Inbox)
            return try command.output(clock: clock, environment: environment).text
        }
        #expect(try inbox(["PARLEY_DB": fixture.path]).hasPrefix("2 threads waiting"))
        #expect(try inbox(["XDG_DATA_HOME": folder.appendingPathComponent("xdg").path, "HOME": "/nonexistent"]).hasPrefix("No customer"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("xdg/parley/parley.sqlite").path))
        #expect(try inbox(["XDG_DATA_HOME": "relative/ignored", "HOME": folder.path]).hasPrefix("No customer"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".local/share/parley/parley.sqlite").path))
        #expect(throws: InputError.self) { try inbox([:]) }
    }
}
