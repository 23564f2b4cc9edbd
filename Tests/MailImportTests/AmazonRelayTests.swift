import Foundation
import MailImport
import Testing

/// Amazon buyer-seller messaging mail (POLICY §4), as synthetic messages with invented names and ids.
struct AmazonRelayTests {
    static let date = "Date: Tue, 03 Mar 2026 14:05:00 +0100"
    static let sentAt = ISO8601DateFormatter().date(from: "2026-03-03T13:05:00Z")

    /// A plain-text relay message: headers, then the body lines.
    static func relayMail(
        from: String, subject: String, body: [String], extraHeaders: [String] = [], charsetHeaders: [String] = []
    ) -> [UInt8] {
        mail(
            ["From: \(from)", "To: shop@example.com", "Subject: \(subject)", date, "Message-ID: <\(abs(subject.hashValue))@relay.test>"]
                + extraHeaders
                + (charsetHeaders.isEmpty ? ["Content-Type: text/plain; charset=UTF-8"] : charsetHeaders) + [""] + body)
    }

    @Test func oldEnglishLayout() throws {
        let message = try parse(
            Self.relayMail(
                from: "\"Jane - Amazon Marketplace\" <qw2smy2gutcr61k@marketplace.amazon.com>",
                subject: "Product details inquiry from Amazon customer Jane (Order: 102-1111111-2222222)",
                body: [
                    "Order ID 102-1111111-2222222:", "1 of Blue Test Widget [ASIN: B0TESTASN1]", "",
                    "------------- Begin message -------------", "", "Does it come in red?", "",
                    "And in green?", "", "------------- End message -------------", "",
                    "For Your Information: To help arbitrate disputes, we retain all messages for two years.",
                    "To mark this message as no response needed, click here: http://www.amazon.com/gp/communication-manager/no-response-needed.html?msg=X1&d=1457000000&mp=ATVPDKIKX0DER&v=1&t=abc",
                    "[commMgrTok:AF9E104T7W2Q2]",
                ]))
        #expect(message.direction == .buyer)
        #expect(message.kind == .message)
        #expect(message.body == "Does it come in red?\n\nAnd in green?")
        #expect(message.buyerAlias == "qw2smy2gutcr61k")
        #expect(message.buyerName == "Jane")
        #expect(message.marketplace == "com")
        #expect(message.replyAddress == "qw2smy2gutcr61k@marketplace.amazon.com")
        #expect(message.orderID == "102-1111111-2222222")
        #expect(message.asin == "B0TESTASN1")
        #expect(message.sentAt == Self.sentAt)
        #expect(!message.isAutoReply)
        #expect(!message.noResponseNeeded)
        #expect(
            message.noResponseNeededLink
                == "http://www.amazon.com/gp/communication-manager/no-response-needed.html?msg=X1&d=1457000000&mp=ATVPDKIKX0DER&v=1&t=abc")
        #expect(message.communicationToken == "AF9E104T7W2Q2")
    }

    @Test func canadianBilingualOldLayout() throws {
        let message = try parse(
            Self.relayMail(
                from: "Luc - Amazon Marketplace <abcdefgh12345678@marketplace.amazon.ca>",
                subject: "Demande de renseignements de la part du client Amazon Luc",
                body: [
                    "Order ID/Commande N°: 701-2222222-3333333:", "1 of/sur Lampe de test [ASIN: B0TESTCA01]",
                    "------------- Begin message / Début du message -------------", "Est-ce bilingue?",
                    "------------- End message / Fin du message -------------",
                ]))
        #expect(message.body == "Est-ce bilingue?")
        #expect(message.orderID == "701-2222222-3333333")
        #expect(message.asin == "B0TESTCA01")
        #expect(message.marketplace == "ca")
    }

    struct Language: Sendable, CustomTestStringConvertible {
        var code: String
        var tld: String
        var subject: String
        var start: String
        var end: String
        var text: String
        var testDescription: String { code }
    }

    static let languages: [Language] = [
        Language(
            code: "EN", tld: "co.uk", subject: "Order delivery enquiry from Amazon customer Tom (Order: 202-1000000-0000001)",
            start: "------------- Message: -------------", end: "------------- End message -------------",
            text: "Where is my parcel?"),
        Language(
            code: "DE", tld: "de", subject: "Frage von Amazon-Kunde Max (Bestellung: 302-1000000-0000002)",
            start: "------------- Nachricht: -------------", end: "------------- Ende der Nachricht -------------",
            text: "Wann kommt das Paket?\nDanke, Max"),
        Language(
            code: "FR", tld: "fr", subject: "Demande de renseignements de la part du client Amazon Luc (Commande : 402-1000000-0000003)",
            start: "------------- Message -------------", end: "------------- Fin du message -------------",
            text: "Où est mon colis ?"),
        Language(
            code: "ES", tld: "es", subject: "Consulta del cliente de Amazon Ana (Pedido: 403-1000000-0000004)",
            start: "------------- Message:  -------------", end: "------------- Finalizar mensaje -------------",
            text: "¿Cuándo llega mi pedido?"),
        Language(
            code: "PT", tld: "com.br", subject: "Pergunta do cliente Amazon Maria (Pedido: 701-1000000-0000005)",
            start: "------------- Mensagem:  -------------", end: "------------- Encerrar mensagem -------------",
            text: "Quando chega o meu pedido?"),
        Language(
            code: "PT copy markers", tld: "com.br", subject: "Pergunta do cliente Amazon Maria (Pedido: 701-1000000-0000006)",
            start: "------------- Iniciar mensagem -------------", end: "------------- Mensagem final -------------",
            text: "Obrigada!"),
        Language(
            code: "PL Koniec", tld: "pl", subject: "Pytanie od klienta Amazon Jan (Zamówienie: 405-1000000-0000007)",
            start: "------------- Wiadomość: -------------", end: "------------- Koniec wiadomości -------------",
            text: "Gdzie jest moja paczka? Zażółć gęślą jaźń."),
        Language(
            code: "PL Zakończ", tld: "pl", subject: "Pytanie od klienta Amazon Jan (Zamówienie: 405-1000000-0000008)",
            start: "------------- Wiadomość: -------------", end: "------------- Zakończ wiadomość -------------",
            text: "Dziękuję."),
    ]

    @Test(arguments: languages)
    func newLayoutInEveryLanguage(_ language: Language) throws {
        let message = try parse(
            Self.relayMail(
                from: "\"Kunde - Amazon Marketplace\" <zz9876543210abc+133a066e@marketplace.amazon.\(language.tld)>",
                subject: language.subject,
                body: [
                    "You have received a message.", "", "# 999-9999999-9999999:", "1 / Test product [ASIN: B0TESTLANG]", "",
                    language.start, "", language.text, "", language.end, "",
                    "Was this email helpful? https://sellercentral.amazon.\(language.tld)/gp/satisfaction/survey-form.html?x=1",
                    "Resolve case https://sellercentral.amazon.\(language.tld)/messaging/no-response-needed?t=1&m=2&mp=3&c=4&h=5&s=1",
                ],
                extraHeaders: ["X-Space-Notification-Type: BBC_MESSAGE_SENT_TO_MERCHANT"]))
        #expect(message.direction == .buyer)
        #expect(message.body == language.text)
        #expect(message.buyerAlias == "zz9876543210abc")
        #expect(message.replyAddress == "zz9876543210abc+133a066e@marketplace.amazon.\(language.tld)")
        #expect(message.marketplace == language.tld)
        #expect(message.orderID == String(language.subject.suffix(20).dropLast()))
        #expect(message.asin == "B0TESTLANG")
        #expect(message.buyerName == "Kunde")
        #expect(
            message.noResponseNeededLink
                == "https://sellercentral.amazon.\(language.tld)/messaging/no-response-needed?t=1&m=2&mp=3&c=4&h=5&s=1")
        #expect(message.communicationToken == nil)
    }

    @Test func noResponseNeededLinkFromTheHTMLHref() throws {
        let message = try parse(
            mail([
                "From: \"Ann - Amazon Marketplace\" <htmlbuyer123456@marketplace.amazon.de>", "To: shop@example.com",
                "Subject: Frage von Amazon-Kunde Ann (Bestellung: 302-1234567-7654321)", Self.date, "MIME-Version: 1.0",
                "Content-Type: text/html; charset=UTF-8", "",
                "<p>Sie haben eine Nachricht erhalten.</p><pre>Passt das?</pre>",
                "<a href=\"https://sellercentral.amazon.de/messaging/no-response-needed?t=A%2Fb&amp;m=9&amp;h=Zz%3D&amp;s=1\">Fall lösen</a>",
            ]))
        #expect(message.body == "Passt das?")
        #expect(message.noResponseNeededLink == "https://sellercentral.amazon.de/messaging/no-response-needed?t=A%2Fb&m=9&h=Zz%3D&s=1")
        // Outside a relayed buyer message the same text is just text.
        let plain = try parse(
            mail([
                "From: pat@example.org", "To: shop@example.com", "Subject: fwd", Self.date, "",
                "See https://sellercentral.amazon.com/messaging/no-response-needed?t=1&h=2 [commMgrTok:ABC123]",
            ]))
        #expect(plain.noResponseNeededLink == nil)
        #expect(plain.communicationToken == nil)
        // Nor does the seller's reply take over the link and token of the message it quotes.
        let reply = try parse(
            mail([
                "From: Shop <shop@example.com>", "To: \"Jane - Amazon Marketplace\" <qw2smy2gutcr61k+1f2e@marketplace.amazon.com>",
                "Subject: Re: Product details inquiry (Order: 102-1111111-2222222)", Self.date, "",
                "Yes, in red too.", "",
                "> To mark this message as no response needed, click here: http://www.amazon.com/gp/communication-manager/no-response-needed.html?msg=X1&t=abc",
                "> [commMgrTok:AF9E104T7W2Q2]",
            ]))
        #expect(reply.direction == .seller)
        #expect(reply.noResponseNeededLink == nil)
        #expect(reply.communicationToken == nil)
    }

    @Test func quotedPrintablePolishBody() throws {
        let message = try parse(
            Self.relayMail(
                from: "Jan - Amazon Marketplace <pl0000000000001@marketplace.amazon.pl>",
                subject: "Pytanie (Zamówienie: 405-1234567-7654321)",
                body: [
                    "------------- Wiadomo=C5=9B=C4=87: -------------", "Za=C5=BC=C3=B3=C5=82=C4=87 g=C4=99=C5=9Bl=C4=85 ja=C5=BA=",
                    "=C5=84",
                    "------------- Koniec -------------",
                ], charsetHeaders: ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"]))
        #expect(message.body == "Zażółć gęślą jaźń")
        #expect(message.orderID == "405-1234567-7654321")
    }

    @Test func htmlOnlyMessageUsesThePreBlock() throws {
        let html = """
            <html><body><table><tr><td>You have received a message.</td></tr>
            <tr><td># 111-2223334-4455566:<br>1 / <a href="https://www.amazon.com/dp/B0TESTHTM1?ref=x">Test lamp</a></td></tr>
            <tr><td>------------- Message: -------------</td></tr></table>
            <pre style="white-space: pre-wrap; font-family: Arial">Hi,
              the lamp &amp; the cable &lt;3m&gt; arrived broken.
            </pre>
            <p>------------- End message -------------</p><p>Was this email helpful?</p></body></html>
            """
        let encoded = Data(html.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        let message = try parse(
            mail([
                "From: \"Ann - Amazon Marketplace\" <htmlbuyer123456@marketplace.amazon.com>", "To: shop@example.com",
                "Subject: Order delivery inquiry from Amazon customer Ann (Order: 111-2223334-4455566)", Self.date,
                "X-Space-Notification-Type: BBC_MESSAGE_SENT_TO_MERCHANT", "X-Marketplace-ID: ATVPDKIKX0DER",
                "MIME-Version: 1.0", "Content-Type: text/html; charset=UTF-8", "Content-Transfer-Encoding: base64", "",
                encoded,
            ]))
        #expect(message.body == "Hi,\n  the lamp & the cable <3m> arrived broken.")
        #expect(message.asin == "B0TESTHTM1")
        #expect(message.orderID == "111-2223334-4455566")
        #expect(message.marketplace == "com")
    }

    @Test func alternativePartsPreferThePreBlockOverTheMarkers() throws {
        let message = try parse(
            mail([
                "From: Bo - Amazon Marketplace <bobuyer12345678@marketplace.amazon.de>", "Subject: Frage (Bestellung: 302-0000000-0000009)",
                Self.date, "Content-Type: multipart/alternative; boundary=\"=_alt\"", "", "--=_alt",
                "Content-Type: text/plain; charset=utf-8", "", "------------- Nachricht: -------------", "Text aus dem Textteil",
                "------------- Ende der Nachricht -------------", "--=_alt", "Content-Type: text/html; charset=utf-8", "",
                "<div>Kopf</div><pre>Text aus dem &lt;pre&gt;</pre>", "--=_alt--",
            ]))
        #expect(message.body == "Text aus dem <pre>")
    }

    @Test func mailWithoutMarkersKeepsItsWholeText() throws {
        let message = try parse(
            Self.relayMail(
                from: "x1y2z3w4v5u6t7s@marketplace.amazon.it", subject: "Domanda", body: ["Ciao,", "una domanda.", ""]))
        #expect(message.body == "Ciao,\nuna domanda.")
        #expect(message.buyerName == nil)
        #expect(message.marketplace == "it")
    }

    @Test func returnRequestsAreAmazonMessagesWithTheOrder() throws {
        let bySubject = try parse(
            mail([
                "From: order-update@amazon.com", "To: shop@example.com",
                "Subject: Return authorization request for order # 112-7446790-9716267", Self.date, "",
                "Order ID: # 112-7446790-9716267", "Item: Test kettle", "Quantity: 1", "Return reason: No longer needed",
                "Customer comments: changed my mind", "Request received: March 3, 2026",
            ]))
        #expect(bySubject.direction == .amazon)
        #expect(bySubject.kind == .returnRequest)
        #expect(bySubject.orderID == "112-7446790-9716267")
        #expect(bySubject.marketplace == "com")
        #expect(bySubject.body.hasPrefix("Order ID: # 112-7446790-9716267\nItem: Test kettle"))

        let byHeader = try parse(
            mail([
                "From: \"Amazon\" <order-update@amazon.de>", "Subject: Rücksendegenehmigung für Bestellung 302-1111111-2222222",
                "X-Space-Notification-Type: RETURN_REQUEST", Self.date, "", "Bestellnummer: 302-1111111-2222222",
            ]))
        #expect(byHeader.direction == .amazon)
        #expect(byHeader.kind == .returnRequest)
        #expect(byHeader.orderID == "302-1111111-2222222")
        #expect(byHeader.marketplace == "de")

        let british = try parse(
            mail([
                "From: order-update@amazon.co.uk", "Subject: Return authorisation request for order # 202-7446790-9716267", Self.date, "",
                "x",
            ]))
        #expect(british.kind == .returnRequest)
        #expect(british.orderID == "202-7446790-9716267")
    }

    @Test func notificationTypesDecideTheKind() throws {
        func kind(_ type: String, from: String = "donotreply@amazon.com") throws -> ImportedMessage {
            try parse(
                mail([
                    "From: \(from)", "Subject: Notice (Order: 113-0000000-0000001)", "X-Space-Notification-Type: \(type)", Self.date,
                    "", "text",
                ]))
        }
        let cancellation = try kind("BRC_SELLER_NOTIFICATION", from: "Ann - Amazon Marketplace <annbuyer1234567@marketplace.amazon.com>")
        #expect(cancellation.direction == .amazon)
        #expect(cancellation.kind == .cancellationRequest)
        #expect(cancellation.orderID == "113-0000000-0000001")
        let claim = try kind("A_Z_CLAIM_RESPONDENT_CLOSE")
        #expect(claim.direction == .amazon)
        #expect(claim.kind == .notice)
        let buyer = try kind("bbc_message_sent_to_merchant", from: "annbuyer1234567@marketplace.amazon.com")
        #expect(buyer.direction == .buyer)
        #expect(buyer.buyerAlias == "annbuyer1234567")
    }

    @Test func amazonSystemMailIsANotice() throws {
        let refund = try parse(
            mail([
                "From: Amazon <do-not-reply@amazon.fr>", "Subject: Refund initiated for order 403-5555555-6666666", Self.date, "",
                "We have initiated a refund.",
            ]))
        #expect(refund.direction == .amazon)
        #expect(refund.kind == .notice)
        #expect(refund.orderID == "403-5555555-6666666")
        #expect(refund.marketplace == "fr")
        let cancellation = try parse(
            mail([
                "From: no-reply@amazon.es",
                "Subject: Solicitud de cancelación de pedido del cliente de Amazon (Pedido: 403-0000000-0000001)",
                Self.date, "", "texto",
            ]))
        #expect(cancellation.kind == .cancellationRequest)
    }

    @Test func sellerCentralCopyOfAReply() throws {
        let english = try parse(
            mail([
                "From: \"Amazon Seller Central\" <donotreply@amazon.com>", "To: shop@example.com",
                "Subject: Your e-mail to Jane (Order: 102-1111111-2222222)", Self.date, "",
                "Here is a copy of the e-mail that you sent to Jane.", "", "Order ID 102-1111111-2222222:",
                "------------- Begin message -------------", "Hi Jane,", "it ships today.", "------------- End message -------------",
            ]))
        #expect(english.direction == .seller)
        #expect(english.kind == .message)
        #expect(english.buyerName == "Jane")
        #expect(english.body == "Hi Jane,\nit ships today.")
        #expect(english.orderID == "102-1111111-2222222")

        let brazilian = try parse(
            mail([
                "From: \"Amazon.com.br\" <donotreply@amazon.com>", "To: atendimento@loja.example", "Reply-To: naoresponda@amazon.com",
                "Subject: Seu e-mail para Maria Silva", "X-Space-Notification-Type: BBC_MESSAGE_CONFIRMATION_TO_MERCHANT",
                "X-Marketplace-ID: A2Q3Y263D00KWC", Self.date, "Content-Type: text/html; charset=utf-8", "",
                "<p>Segue uma cópia da sua mensagem.</p><pre>Olá, Maria!\nTem cadeado TSA e cabe, sim.</pre>",
            ]))
        #expect(brazilian.direction == .seller)
        #expect(brazilian.buyerName == "Maria Silva")
        #expect(brazilian.body == "Olá, Maria!\nTem cadeado TSA e cabe, sim.")
        #expect(brazilian.marketplace == "com.br")
    }

    @Test func theSellersOwnMailToARelay() throws {
        let reply = try parse(
            mail([
                "From: Test Shop <Shop@Example.com>", "To: \"Jane - Amazon Marketplace\" <qw2smy2gutcr61k+ab12@marketplace.amazon.co.uk>",
                "Subject: Re: Product details inquiry (Order: 202-1111111-2222222)", Self.date, "Message-ID: <r1@example.com>",
                "In-Reply-To: <q1@relay.test>", "References: <q0@relay.test> <q1@relay.test>", "", "Yes, it does.", "",
                "> Does it come in red?",
            ]), sellerAddresses: ["shop@example.com"])
        #expect(reply.direction == .seller)
        #expect(reply.buyerAlias == "qw2smy2gutcr61k")
        #expect(reply.buyerName == "Jane")
        #expect(reply.marketplace == "co.uk")
        #expect(reply.replyAddress == "qw2smy2gutcr61k+ab12@marketplace.amazon.co.uk")
        #expect(reply.orderID == "202-1111111-2222222")
        #expect(reply.inReplyTo == "q1@relay.test")
        #expect(reply.references == ["q0@relay.test", "q1@relay.test"])
        #expect(reply.externalID == "r1@example.com")
        // Even from an address not configured, mail to a relay is the seller's.
        let unlisted = try parse(
            mail(["From: helper@example.net", "To: qw2smy2gutcr61k@marketplace.amazon.co.uk", Self.date, "", "Hello"]))
        #expect(unlisted.direction == .seller)
    }

    @Test func autoRepliesAreFlagged() throws {
        for header in [
            "Auto-Submitted: auto-replied", "Auto-Submitted: Auto-Generated (vacation)", "X-Autoreply: yes", "X-Autorespond: 1",
            "Precedence: auto_reply",
        ] {
            let message = try parse(
                mail([
                    "From: shop@example.com", "To: qw2smy2gutcr61k@marketplace.amazon.com", "Subject: Out of office", header, Self.date, "",
                    "We are closed until Monday.",
                ]), sellerAddresses: ["shop@example.com"])
            #expect(message.isAutoReply, "\(header)")
            #expect(message.direction == .seller)
        }
        let human = try parse(mail(["From: a@example.com", "Auto-Submitted: no", Self.date, "", "hi"]))
        #expect(!human.isAutoReply)
    }

    @Test func otherMailIsSellerOrBuyerByAddress() throws {
        let seller = try parse(
            mail(["From: SHOP@example.com", "To: someone@example.org", Self.date, "", "hi"]), sellerAddresses: ["shop@example.com"])
        #expect(seller.direction == .seller)
        #expect(seller.buyerName == nil)
        let buyer = try parse(
            mail(["From: Pat Doe <pat@example.org>", "To: shop@example.com", Self.date, "", "hi"]), sellerAddresses: ["shop@example.com"])
        #expect(buyer.direction == .buyer)
        #expect(buyer.buyerName == "Pat Doe")
        #expect(buyer.buyerAlias == nil)
        #expect(buyer.externalID.hasPrefix("fnv1a64:"))
        #expect(buyer.externalID.count == 24)
        // The same content hashes the same, so a re-import is recognised.
        let again = try parse(mail(["From: Pat Doe <pat@example.org>", "To: shop@example.com", Self.date, "", "hi"]))
        #expect(again.externalID == buyer.externalID)
    }

    @Test func relayAddressesOfAllMarketplaces() throws {
        #expect(AmazonMarketplace.hostSuffixes.count == 22)
        for suffix in AmazonMarketplace.hostSuffixes {
            let relay = try #require(AmazonRelayAddress("Ab12cd34EF56gh7+0a1b@marketplace.amazon.\(suffix)"))
            #expect(relay.alias == "ab12cd34ef56gh7")
            #expect(relay.tag == "0a1b")
            #expect(relay.marketplace == suffix)
        }
        #expect(AmazonRelayAddress("abc@marketplace.amazon.cn") == nil)
        #expect(AmazonRelayAddress("abc@marketplace.amazon.com.evil.example") == nil)
        #expect(AmazonRelayAddress("abc@amazon.com") == nil)
        #expect(AmazonRelayAddress("+tag@marketplace.amazon.com") == nil)
        #expect(
            AmazonRelayAddress("q1w2e3r4t5y6u7i+5f1c2d3e-0000-4000-8000-1234567890ab@marketplace.amazon.de")?.tag
                == "5f1c2d3e-0000-4000-8000-1234567890ab")
    }

    @Test func buyerNamesLoseTheMarketplaceSuffix() {
        #expect(AmazonRelay.buyerName(fromDisplayName: "Jane - Amazon Marketplace") == "Jane")
        #expect(AmazonRelay.buyerName(fromDisplayName: "Jean-Luc – Amazon Marketplace") == "Jean-Luc")
        #expect(AmazonRelay.buyerName(fromDisplayName: "Amazon Marketplace") == nil)
        #expect(AmazonRelay.buyerName(fromDisplayName: "Jane") == "Jane")
        #expect(AmazonRelay.buyerName(fromDisplayName: "  ") == nil)
    }

    @Test func orderIDsFromSubjectsAndBodies() throws {
        let amazon = try AmazonRelay()
        #expect(amazon.orderID(subject: "Frage (Bestellung：302-1234567-1234567）", body: "") == "302-1234567-1234567")
        #expect(amazon.orderID(subject: "商品に関するお問い合わせ (注文: 503-1234567-1234567)", body: "") == "503-1234567-1234567")
        #expect(
            amazon.orderID(subject: "Ship faster inquiry from Amazon customer(Order: 111-0944945-3989852)", body: "")
                == "111-0944945-3989852")
        #expect(amazon.orderID(subject: "Product details inquiry", body: "# 111-0944945-3989852:\n") == "111-0944945-3989852")
        #expect(amazon.orderID(subject: "Product details inquiry", body: "call 1111-0944945-39898520") == nil)
    }
}
