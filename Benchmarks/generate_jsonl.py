#!/usr/bin/env python3
"""Writes a deterministic, realistic JSON Lines export of buyer-seller messages for the store
benchmark (issue 3, point 6), in the documented import format:

    id, thread, order_id, from (buyer|seller|amazon), at (ISO 8601 with offset), subject, body,
    no_response_needed, auto_reply, attachments

    python3 Benchmarks/generate_jsonl.py                       # 1,000,000 messages -> /tmp/parley-1m.jsonl
    python3 Benchmarks/generate_jsonl.py /tmp/small.jsonl --messages 10000 --seed 7

The default data: exactly 1,000,000 messages in about 250,000 threads over the 120 days before
--end (2026-11-25T00:00:00Z), one line per message in order of time. Nothing is sent after --end,
so conversations that were still going on at that instant are cut there (their last buyer message
is pending, as it would be in a live export). The model, per thread:

- 87 % start with a buyer message (10 % of them pre-sale questions without an order id), 8 % with a
  proactive seller message (shipping delay, delivery check), 5 % with an Amazon notice (return
  request, refund, A-to-z claim, delivery attempt, cancellation request).
- A buyer turn is one message, or a burst of 2-3 within the hour (15 %). Sellers with an
  autoresponder (12 % of threads) answer each turn with an auto-reply within minutes.
- The seller answers a buyer turn within 24 hours 88 % of the time (log-normal, median 2.5 hours,
  most within 8 hours), late (24-120 hours) 9 %, and never 3 %.
- After an answer the buyer thanks the seller (30 %, marked no_response_needed), writes again
  (about 40 %) or says nothing. 1 % of seller answers draw a buyer out-of-office auto-reply.
- 2 % of buyer threads get a later Amazon notice (refund issued, return request).
- Marketplaces: .com 58 % (US time zones), .co.uk 14 %, .de 10 %, .ca 6 %, .fr 5 %, .co.jp 4 %,
  .es 3 %; buyer times carry the buyer's zone offset, seller times Europe/London (the DST change of
  2026-10-25 is inside the default range), Amazon times +00:00. Bodies are in the marketplace's
  language, 100-600 characters. 4 % of first buyer messages carry a photo, 2 % of seller answers
  a return label.

Deterministic: the same --seed, --messages, --threads and --end give the same bytes (Python 3.11
`random`; the thread model is drawn in a first pass, the text of each message from its own seeded
generator in the second).
"""

import argparse
import heapq
import json
import math
import random
import sys
import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

HOUR = 3600
DAY = 86_400

# Roles of a message (first pass); the second pass writes them.
BUYER, BUYER_BURST, BUYER_THANKS, BUYER_OOO, SELLER, SELLER_AUTO, SELLER_PROACTIVE = range(7)
AMAZON_RETURN, AMAZON_REFUND, AMAZON_ATOZ, AMAZON_DELIVERY, AMAZON_CANCEL = range(7, 12)

MARKETPLACES = [
    # host suffix, weight, language, buyer zones, order-id prefixes
    ("com", 58, "en", ["America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York"], ["111", "112", "113", "114"]),
    ("co.uk", 14, "en", ["Europe/London"], ["202", "203", "204", "205", "206"]),
    ("de", 10, "de", ["Europe/Berlin"], ["302", "303", "304", "305", "306"]),
    ("ca", 6, "en", ["America/Toronto", "America/Vancouver"], ["701", "702"]),
    ("fr", 5, "fr", ["Europe/Paris"], ["402", "403", "404", "405", "406"]),
    ("co.jp", 4, "ja", ["Asia/Tokyo"], ["249", "250", "503"]),
    ("es", 3, "es", ["Europe/Madrid"], ["402", "403", "404", "405", "406"]),
]
SELLER_ZONE = ZoneInfo("Europe/London")
ZONES = {name: ZoneInfo(name) for market in MARKETPLACES for name in market[3]}

FIRST_NAMES = {
    "en": ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
           "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Chris", "Karen",
           "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Sandra", "Priya", "Wei", "Aisha", "Connor"],
    "de": ["Lukas", "Anna", "Jonas", "Lea", "Felix", "Marie", "Paul", "Sophie", "Jan", "Laura", "Tim", "Katrin", "Jürgen", "Björn"],
    "fr": ["Louis", "Camille", "Hugo", "Léa", "Jules", "Chloé", "Arthur", "Manon", "Théo", "Inès", "Gaël", "Zoé"],
    "ja": ["翔太", "美咲", "大輔", "陽子", "健一", "さくら", "拓也", "由美", "Haruto", "Yui"],
    "es": ["Lucía", "Hugo", "Martina", "Pablo", "Sofía", "Álvaro", "Carmen", "Javier", "Marta", "Diego"],
}
SELLER_NAMES = ["Philippa", "Tom", "Grace", "Oliver", "Amelia", "Harry", "the Brightwood team"]
PRODUCTS = {
    "en": ["stainless steel water bottle", "bamboo cutting board", "LED desk lamp", "yoga mat", "phone case",
           "set of kitchen knives", "wireless earbuds", "cast iron skillet", "throw blanket", "hiking backpack",
           "USB-C charger", "ceramic mug set", "garden hose nozzle", "kids' rain jacket", "coffee grinder"],
    "de": ["Edelstahl-Trinkflasche", "Bambus-Schneidebrett", "LED-Schreibtischlampe", "Yogamatte", "Handyhülle",
           "Messerset", "Gusseisenpfanne", "Wanderrucksack", "Kaffeemühle", "Kuscheldecke"],
    "fr": ["gourde en inox", "planche à découper en bambou", "lampe de bureau LED", "tapis de yoga", "coque de téléphone",
           "poêle en fonte", "sac à dos de randonnée", "moulin à café", "plaid"],
    "ja": ["ステンレス水筒", "竹製まな板", "LEDデスクライト", "ヨガマット", "スマホケース", "鋳鉄フライパン", "コーヒーミル"],
    "es": ["botella de acero inoxidable", "tabla de cortar de bambú", "lámpara de escritorio LED", "esterilla de yoga",
           "funda de móvil", "sartén de hierro fundido", "mochila de senderismo", "molinillo de café"],
}
CARRIERS = {"com": ["UPS", "USPS", "FedEx", "Amazon Logistics"], "co.uk": ["Royal Mail", "DPD", "Evri"],
            "de": ["DHL", "Hermes", "DPD"], "ca": ["Canada Post", "Purolator"], "fr": ["Colissimo", "Chronopost"],
            "co.jp": ["ヤマト運輸", "佐川急便", "日本郵便"], "es": ["Correos", "SEUR"]}

# Sentence pools: {order}, {product}, {name}, {seller}, {carrier}, {tracking}, {days} are filled in.
BUYER_SUBJECTS = {
    "en": ["Question about order {order}", "Item arrived damaged", "Where is my package?", "Wrong item received",
           "Missing part in order {order}", "Return request", "Question about the {product}", "Delivery address change",
           "Order {order} not received", "Size question", "Refund status for order {order}", "Product question"],
    "de": ["Frage zu Bestellung {order}", "Artikel beschädigt angekommen", "Wo ist mein Paket?", "Falscher Artikel",
           "Rücksendung", "Frage zum Artikel {product}", "Lieferadresse ändern"],
    "fr": ["Question sur la commande {order}", "Article arrivé endommagé", "Où est mon colis ?", "Mauvais article reçu",
           "Demande de retour", "Question sur le produit {product}"],
    "ja": ["注文 {order} について", "商品が破損していました", "荷物が届きません", "違う商品が届きました", "返品について", "{product}についての質問"],
    "es": ["Pregunta sobre el pedido {order}", "Artículo dañado", "¿Dónde está mi paquete?", "Artículo equivocado",
           "Solicitud de devolución", "Pregunta sobre {product}"],
}
BUYER_OPENERS = {
    "en": ["Hi,", "Hello,", "Hi there,", "Good morning,", "Hello {seller},", "Hey,", ""],
    "de": ["Hallo,", "Guten Tag,", "Sehr geehrte Damen und Herren,", "Hallo zusammen,"],
    "fr": ["Bonjour,", "Bonjour Madame, Monsieur,", "Bonsoir,"],
    "ja": ["お世話になっております。", "こんにちは。", "はじめまして。"],
    "es": ["Hola,", "Buenos días,", "Buenas tardes,"],
}
BUYER_SENTENCES = {
    "en": ["I ordered the {product} last week (order {order}) and it still hasn't arrived.",
           "The tracking page has said 'in transit' for {days} days now.",
           "When I opened the box the {product} was cracked along one side.",
           "The package was left at the wrong address, my neighbour brought it over.",
           "I received a blue one but I ordered black.",
           "Could you tell me whether the {product} is dishwasher safe?",
           "One of the screws seems to be missing from the box.",
           "I would like to return it, what is the best way to do that?",
           "Is it possible to change the delivery address? I am moving this weekend.",
           "The instructions only came in German, is there an English version?",
           "It was meant to be a birthday present, so I really need it by Friday.",
           "I have attached a photo so you can see the damage.",
           "Can you send a replacement instead of a refund?",
           "The {carrier} driver said the parcel was damaged in the depot.",
           "Does this fit the 2019 model or only the newer one?",
           "I was charged twice for the same order, please check.",
           "My order number is {order} in case you need it.",
           "Please let me know what you need from me.",
           "Thanks in advance for your help."],
    "de": ["Ich habe letzte Woche {product} bestellt (Bestellung {order}), es ist aber noch nicht angekommen.",
           "Die Sendungsverfolgung zeigt seit {days} Tagen keinen neuen Status.",
           "Beim Auspacken war der Artikel an einer Seite gesprungen.",
           "Ich habe die falsche Farbe bekommen.",
           "Ist der Artikel spülmaschinenfest?",
           "Ich möchte den Artikel gerne zurückschicken, wie gehe ich vor?",
           "Der Fahrer von {carrier} hat das Paket beim Nachbarn abgegeben.",
           "Können Sie mir bitte Ersatz schicken?",
           "Vielen Dank im Voraus für Ihre Hilfe."],
    "fr": ["J'ai commandé {product} la semaine dernière (commande {order}) et je ne l'ai toujours pas reçu.",
           "Le suivi indique « en transit » depuis {days} jours.",
           "À l'ouverture du colis, l'article était fêlé.",
           "J'ai reçu la mauvaise couleur.",
           "Est-ce que l'article passe au lave-vaisselle ?",
           "Je souhaite retourner l'article, comment dois-je procéder ?",
           "Le livreur {carrier} a laissé le colis chez un voisin.",
           "Pouvez-vous m'envoyer un remplacement ?",
           "Merci d'avance pour votre aide."],
    "ja": ["先週{product}を注文しましたが（注文番号 {order}）、まだ届いていません。",
           "追跡情報が{days}日間「輸送中」のままです。",
           "箱を開けたところ、商品の側面にひびが入っていました。",
           "注文した色と違う商品が届きました。",
           "食洗機で洗えますか？",
           "返品したいのですが、どうすればよいでしょうか。",
           "交換品を送っていただけますか。",
           "よろしくお願いいたします。"],
    "es": ["Pedí {product} la semana pasada (pedido {order}) y todavía no ha llegado.",
           "El seguimiento dice «en tránsito» desde hace {days} días.",
           "Al abrir la caja el artículo estaba agrietado.",
           "He recibido el color equivocado.",
           "¿Se puede lavar en el lavavajillas?",
           "Quiero devolver el artículo, ¿cómo lo hago?",
           "El repartidor de {carrier} dejó el paquete en otra dirección.",
           "Gracias de antemano por su ayuda."],
}
BUYER_FOLLOWUPS = {
    "en": ["Sorry, I forgot to add: the box itself was fine, only the {product} inside was damaged.",
           "Just checking whether you got my message?", "Any update on this please?",
           "I still haven't heard back and the parcel hasn't come.", "Also, could you use the address on my account instead?",
           "Thanks for the reply. The new tracking number doesn't work yet, is that normal?",
           "OK, I have sent it back with {carrier}, the tracking number is {tracking}."],
    "de": ["Gibt es schon Neuigkeiten?", "Ich habe leider noch keine Antwort erhalten.",
           "Danke für die Antwort. Die neue Sendungsnummer funktioniert noch nicht."],
    "fr": ["Avez-vous du nouveau ?", "Je n'ai toujours pas de réponse.", "Merci pour la réponse. Le nouveau numéro de suivi ne fonctionne pas encore."],
    "ja": ["その後いかがでしょうか。", "まだ返信をいただいていません。", "ご返信ありがとうございます。新しい追跡番号がまだ反映されていません。"],
    "es": ["¿Hay alguna novedad?", "Todavía no he recibido respuesta.", "Gracias por la respuesta. El nuevo número de seguimiento aún no funciona."],
}
BUYER_THANKS_TEXT = {
    "en": ["Thank you so much, that's perfect. The replacement arrived today and everything is fine. Have a good week!",
           "Great, thanks for sorting this out so quickly. Much appreciated, I'll keep an eye on the tracking.",
           "Got it, thank you! No need to reply, I just wanted to let you know it all worked out in the end."],
    "de": ["Vielen Dank, das hat alles geklappt. Der Ersatz ist heute angekommen. Schöne Woche noch!",
           "Super, danke für die schnelle Hilfe. Sie brauchen nicht zu antworten."],
    "fr": ["Merci beaucoup, tout est réglé. Le remplacement est arrivé aujourd'hui. Bonne semaine !",
           "Parfait, merci pour votre réactivité. Inutile de répondre."],
    "ja": ["ご対応いただきありがとうございました。本日交換品が届き、問題ありませんでした。返信は不要です。",
           "迅速なご対応に感謝いたします。無事解決しましたので、ご返信には及びません。"],
    "es": ["Muchas gracias, todo solucionado. El reemplazo llegó hoy. ¡Buena semana!",
           "Perfecto, gracias por la rapidez. No hace falta responder."],
}
BUYER_OOO_TEXT = {
    "en": "I am out of the office until {date} with limited access to email. I will reply to your message when I return.",
    "de": "Ich bin bis {date} nicht im Büro und habe nur eingeschränkt Zugriff auf meine E-Mails. Ich melde mich nach meiner Rückkehr.",
    "fr": "Je suis absent(e) jusqu'au {date} avec un accès limité à mes e-mails. Je vous répondrai à mon retour.",
    "ja": "誠に恐れ入りますが、{date}まで不在にしております。期間中はメールの確認が遅れますので、戻り次第、順次ご返信いたします。お急ぎの場合はお手数ですが、改めてご連絡くださいますようお願いいたします。",
    "es": "Estoy fuera de la oficina hasta el {date} con acceso limitado al correo. Responderé a su mensaje a mi regreso.",
}
SELLER_SENTENCES = {
    "en": ["Thank you for getting in touch about order {order}, and sorry for the trouble.",
           "I have checked with {carrier} and the parcel is at your local depot; it should be delivered within {days} working days.",
           "I am sorry the {product} arrived damaged. I have sent a replacement today with {carrier}, tracking number {tracking}.",
           "You don't need to send the damaged one back.",
           "Yes, the {product} is dishwasher safe, although hand washing keeps the finish longer.",
           "I have attached a prepaid return label; once the item is back with us we refund you within two working days.",
           "I have updated the delivery address on our side, but Amazon may also need the change in your account.",
           "I can confirm the refund was issued today; it usually shows on your statement within 3-5 days.",
           "The missing screws are on their way in a small envelope.",
           "It fits every model from 2017 onwards.",
           "If there is anything else I can do, just reply to this message."],
    "de": ["Vielen Dank für Ihre Nachricht zu Bestellung {order}, und entschuldigen Sie die Unannehmlichkeiten.",
           "Ich habe bei {carrier} nachgefragt, das Paket sollte in {days} Werktagen zugestellt werden.",
           "Wir haben heute Ersatz mit {carrier} verschickt, Sendungsnummer {tracking}.",
           "Anbei finden Sie ein kostenloses Rücksendeetikett.",
           "Die Erstattung wurde heute veranlasst.",
           "Bei weiteren Fragen antworten Sie einfach auf diese Nachricht."],
    "fr": ["Merci pour votre message concernant la commande {order}, et désolé pour ce désagrément.",
           "J'ai contacté {carrier} : le colis devrait être livré d'ici {days} jours ouvrés.",
           "Nous avons envoyé un remplacement aujourd'hui avec {carrier}, numéro de suivi {tracking}.",
           "Vous trouverez ci-joint une étiquette de retour prépayée.",
           "Le remboursement a été effectué aujourd'hui.",
           "N'hésitez pas à répondre à ce message si besoin."],
    "ja": ["ご注文 {order} についてご連絡いただきありがとうございます。ご迷惑をおかけして申し訳ございません。",
           "{carrier}に確認したところ、{days}営業日以内にお届け予定です。",
           "本日、交換品を{carrier}にて発送いたしました。追跡番号は{tracking}です。",
           "返品用の着払いラベルを添付いたします。",
           "本日返金手続きを行いました。",
           "ほかにご不明な点がございましたら、このメッセージにご返信ください。"],
    "es": ["Gracias por escribirnos sobre el pedido {order} y disculpe las molestias.",
           "He consultado con {carrier} y el paquete se entregará en {days} días laborables.",
           "Hoy le hemos enviado un reemplazo con {carrier}, número de seguimiento {tracking}.",
           "Adjuntamos una etiqueta de devolución prepagada.",
           "El reembolso se ha emitido hoy.",
           "Si necesita algo más, responda a este mensaje."],
}
SELLER_GREETING = {"en": "Hi {name},", "de": "Hallo {name},", "fr": "Bonjour {name},", "ja": "{name}様", "es": "Hola {name}:"}
SELLER_SIGNOFF = {"en": "Kind regards,\n{seller}", "de": "Viele Grüße\n{seller}", "fr": "Cordialement,\n{seller}",
                  "ja": "よろしくお願いいたします。\n{seller}", "es": "Un saludo,\n{seller}"}
SELLER_AUTO_TEXT = {
    "en": "Thank you for your message. This is an automatic reply to let you know we have received it. Our team answers every message within 24 hours, usually much sooner, Monday to Sunday.",
    "de": "Vielen Dank für Ihre Nachricht. Dies ist eine automatische Antwort: Wir haben Ihre Nachricht erhalten und antworten innerhalb von 24 Stunden.",
    "fr": "Merci pour votre message. Ceci est une réponse automatique : nous l'avons bien reçu et nous vous répondrons sous 24 heures.",
    "ja": "お問い合わせありがとうございます。本メールは自動返信です。お客様からのメッセージを確かに受け付けました。内容を確認のうえ、24時間以内に担当者よりご連絡いたします。土日祝日も対応しておりますので、今しばらくお待ちくださいますようお願い申し上げます。",
    "es": "Gracias por su mensaje. Esta es una respuesta automática: lo hemos recibido y le responderemos en un plazo de 24 horas.",
}
SELLER_PROACTIVE_TEXT = {
    "en": [("Update on your order {order}", "I wanted to let you know that your {product} left our warehouse a day later than planned because of a stock delay. It is now with {carrier}, tracking number {tracking}, and should arrive within {days} days. Sorry for the wait."),
           ("Your order {order}: delivery", "Your {product} was marked as delivered by {carrier} yesterday. If it has not reached you, please reply to this message and we will look into it straight away.")],
    "de": [("Information zu Ihrer Bestellung {order}", "Ihr Artikel {product} wurde wegen eines Lieferengpasses einen Tag später verschickt. Er ist jetzt bei {carrier}, Sendungsnummer {tracking}, und sollte in {days} Tagen ankommen.")],
    "fr": [("Information sur votre commande {order}", "Votre article {product} a été expédié avec un jour de retard. Il est maintenant chez {carrier}, numéro de suivi {tracking}, livraison prévue sous {days} jours.")],
    "ja": [("ご注文 {order} の発送について", "在庫の都合により、{product}の発送が1日遅れましたことをお詫び申し上げます。現在{carrier}にてお届け中で、追跡番号は{tracking}です。{days}日以内に到着予定です。ご不明な点がございましたら、このメッセージにご返信ください。")],
    "es": [("Información sobre su pedido {order}", "Su {product} salió de nuestro almacén con un día de retraso. Ahora está con {carrier}, número de seguimiento {tracking}, y llegará en {days} días.")],
}
AMAZON_NOTICES = {
    AMAZON_RETURN: ("Return authorization request for order # {order}",
                    "Dear Seller,\n\nThe buyer has requested a return authorization for order # {order}.\n\nItem: {product}\nQuantity: 1\nReturn reason: {reason}\nBuyer comments: {comment}\n\nPlease respond within 48 hours. You can authorize the request, issue a refund or close the request in Manage Returns."),
    AMAZON_REFUND: ("Refund initiated for order # {order}",
                    "Dear Seller,\n\nA refund has been initiated for order # {order} ({product}). The amount will be deducted from your next disbursement. No action is required."),
    AMAZON_ATOZ: ("A-to-z Guarantee claim for order # {order}",
                  "Dear Seller,\n\nThe buyer of order # {order} has filed an A-to-z Guarantee claim: item not received. Please respond to the claim in Seller Central within 72 hours with tracking details."),
    AMAZON_DELIVERY: ("Delivery attempted for order # {order}",
                      "Dear Seller,\n\n{carrier} attempted delivery of order # {order} but could not complete it. The carrier will try again on the next working day. No action is required."),
    AMAZON_CANCEL: ("Order cancellation request from Amazon customer {name}",
                    "Dear Seller,\n\nThe buyer has requested to cancel order # {order}. Reason: {reason}. If the order has not shipped, please cancel it in Manage Orders; otherwise no action is needed."),
}
RETURN_REASONS = ["Item defective or doesn't work", "Bought by mistake", "Item arrived damaged", "Wrong item was sent",
                  "No longer needed", "Better price available"]


def lognormal_hours(rng, median_hours, sigma):
    return median_hours * HOUR * math.exp(rng.gauss(0, sigma))


class Thread:
    __slots__ = ("market", "zone", "order", "name", "alias", "product", "subject", "auto_responder", "seed", "events")


def build_thread(rng, start, thread_seed):
    """The first pass: who writes when. Returns a Thread with `events` = [(epoch, role)], in time order."""
    t = Thread()
    market = rng.choices(MARKETPLACES, weights=[m[1] for m in MARKETPLACES])[0]
    t.market = market
    t.zone = rng.choice(market[3])
    t.seed = thread_seed
    t.auto_responder = rng.random() < 0.12
    t.name = rng.choice(FIRST_NAMES[market[2]])
    t.alias = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(14))
    t.product = rng.choice(PRODUCTS[market[2]])
    kind = rng.random()
    presale = kind < 0.087  # 10 % of buyer-initiated threads
    t.order = None if presale else f"{rng.choice(market[4])}-{rng.randrange(10**7):07d}-{rng.randrange(10**7):07d}"
    events = []
    now = start

    def buyer_turns(now, first_role):
        """Buyer turns and seller answers until the conversation ends; returns nothing."""
        role = first_role
        while True:
            events.append((now, role))
            last = now
            if rng.random() < 0.15:  # a burst: more messages before any answer
                for _ in range(rng.choice((1, 1, 2))):
                    last += int(60 + rng.expovariate(1 / (20 * 60)))
                    events.append((last, BUYER_BURST))
            if t.auto_responder:
                events.append((now + rng.randint(20, 240), SELLER_AUTO))
            u = rng.random()
            if u < 0.03:
                return  # never answered
            if u < 0.12:
                delay = rng.uniform(24 * HOUR + 60, 120 * HOUR)  # late
            else:
                delay = min(max(lognormal_hours(rng, 2.5, 1.1), 180), 23.5 * HOUR + rng.uniform(0, 1700))
            answered = last + int(delay)
            events.append((answered, SELLER))
            if rng.random() < 0.01:
                events.append((answered + rng.randint(5, 90), BUYER_OOO))
            v = rng.random()
            if v < 0.30:
                events.append((answered + int(min(lognormal_hours(rng, 3, 1.0), 6 * DAY)), BUYER_THANKS))
                return
            if v < 0.70:
                now = answered + int(min(max(lognormal_hours(rng, 5, 1.2), 300), 10 * DAY))
                role = BUYER
                continue
            return

    if kind < 0.87:
        buyer_turns(now, BUYER)
        if rng.random() < 0.02 and t.order:
            late_notice = max(e[0] for e in events) + int(rng.uniform(1, 10) * DAY)
            events.append((late_notice, rng.choice((AMAZON_REFUND, AMAZON_RETURN))))
    elif kind < 0.95:
        t.order = t.order or f"{rng.choice(market[4])}-{rng.randrange(10**7):07d}-{rng.randrange(10**7):07d}"
        events.append((now, SELLER_PROACTIVE))
        if rng.random() < 0.40:
            buyer_turns(now + int(min(lognormal_hours(rng, 6, 1.0), 5 * DAY)), BUYER)
    else:
        t.order = t.order or f"{rng.choice(market[4])}-{rng.randrange(10**7):07d}-{rng.randrange(10**7):07d}"
        notice = rng.choices((AMAZON_RETURN, AMAZON_REFUND, AMAZON_ATOZ, AMAZON_DELIVERY, AMAZON_CANCEL),
                             weights=(40, 20, 10, 20, 10))[0]
        events.append((now, notice))
        if notice in (AMAZON_RETURN, AMAZON_ATOZ, AMAZON_CANCEL) and rng.random() < 0.5:
            buyer_turns(now + int(min(lognormal_hours(rng, 4, 1.0), 3 * DAY)), BUYER)
    events.sort()
    t.events = events
    return t


def fill(template, fields):
    return template.format(**fields)


def compose(rng, opener, pool, closing, fields, minimum=100, maximum=600):
    """Sentences from `pool` until a length drawn in [minimum, maximum] is reached, then cut to `maximum`."""
    target = int(min(max(rng.lognormvariate(math.log(260), 0.45), minimum), maximum))
    parts = [fill(opener, fields)] if opener else []
    body_sentences = []
    length = sum(len(p) + 2 for p in parts) + len(closing)
    candidates = pool[:]
    rng.shuffle(candidates)
    for sentence in candidates:
        if length >= target:
            break
        text = fill(sentence, fields)
        body_sentences.append(text)
        length += len(text) + 1
    if body_sentences:
        parts.append(" ".join(body_sentences))
    if closing:
        parts.append(closing)
    text = "\n\n".join(parts)
    while len(text) > maximum and len(body_sentences) > 1:
        body_sentences.pop()
        text = "\n\n".join(([parts[0]] if opener else []) + [" ".join(body_sentences)] + ([closing] if closing else []))
    if len(text) > maximum:
        text = text[: maximum - 1].rstrip() + "…"
    while len(text) < minimum:
        text += " " + fill(rng.choice(pool), fields)
        text = text[:maximum]
    return text


def iso(epoch, zone):
    return datetime.fromtimestamp(epoch, zone).isoformat()


def render(thread, index, epoch, role, seed):
    """The second pass: one message's JSON line. Text comes from a generator seeded by the thread and
    the message's place in it, so it does not depend on the order lines are written in."""
    rng = random.Random((seed << 40) ^ (thread.seed << 8) ^ index)
    lang = thread.market[2]
    order = thread.order or ""
    fields = {
        "order": order or "—", "product": thread.product, "name": thread.name, "seller": rng.choice(SELLER_NAMES),
        "carrier": rng.choice(CARRIERS[thread.market[0]]), "tracking": f"{rng.choice(('1Z', 'RX', 'JD', 'TBA'))}{rng.randrange(10**11):011d}",
        "days": rng.randint(2, 6), "reason": rng.choice(RETURN_REASONS),
        "comment": rng.choice(["It stopped working after two days.", "Not as described.", "Ordered the wrong size.", "The lid doesn't close."]),
        "date": (datetime.fromtimestamp(epoch, timezone.utc) + timedelta(days=rng.randint(2, 14))).strftime("%Y-%m-%d"),
    }
    subject_base = fill(thread.subject, fields)
    attachments = []
    no_response_needed = False
    auto_reply = False
    if role in (BUYER, BUYER_BURST):
        sender, zone = "buyer", ZONES[thread.zone]
        subject = subject_base if index == 0 or role == BUYER_BURST else ("Re: " + subject_base)
        if role == BUYER_BURST or (index > 0 and rng.random() < 0.5):
            body = compose(rng, "", BUYER_FOLLOWUPS[lang] + BUYER_SENTENCES[lang][-3:], "", fields)
        else:
            body = compose(rng, rng.choice(BUYER_OPENERS[lang]), BUYER_SENTENCES[lang], thread.name if rng.random() < 0.6 else "", fields)
        if index == 0 and rng.random() < 0.04:
            attachments = [{"name": f"IMG_{rng.randint(1000, 9999)}.jpg", "bytes": rng.randint(150_000, 4_500_000)}]
            if rng.random() < 0.3:
                attachments.append({"name": f"IMG_{rng.randint(1000, 9999)}.jpg", "bytes": rng.randint(150_000, 4_500_000)})
    elif role == BUYER_THANKS:
        sender, zone = "buyer", ZONES[thread.zone]
        subject = "Re: " + subject_base
        body = compose(rng, "", BUYER_THANKS_TEXT[lang], "", fields)
        no_response_needed = True
    elif role == BUYER_OOO:
        sender, zone = "buyer", ZONES[thread.zone]
        subject = {"en": "Out of office", "de": "Abwesenheitsnotiz", "fr": "Absence du bureau", "ja": "不在通知", "es": "Fuera de la oficina"}[lang] + ": " + subject_base
        body = fill(BUYER_OOO_TEXT[lang], fields)
        auto_reply = True
    elif role == SELLER:
        sender, zone = "seller", SELLER_ZONE
        subject = "Re: " + subject_base
        body = compose(rng, SELLER_GREETING[lang], SELLER_SENTENCES[lang], fill(SELLER_SIGNOFF[lang], fields), fields)
        if rng.random() < 0.02:
            attachments = [{"name": "return-label.pdf", "bytes": rng.randint(40_000, 120_000)}]
    elif role == SELLER_AUTO:
        sender, zone = "seller", SELLER_ZONE
        subject = "Re: " + subject_base
        body = SELLER_AUTO_TEXT[lang]
        auto_reply = True
    elif role == SELLER_PROACTIVE:
        sender, zone = "seller", SELLER_ZONE
        subject_template, text = rng.choice(SELLER_PROACTIVE_TEXT[lang])
        subject = fill(subject_template, fields)
        body = "\n\n".join([fill(SELLER_GREETING[lang], fields), fill(text, fields), fill(SELLER_SIGNOFF[lang], fields)])
    else:
        sender, zone = "amazon", timezone.utc
        subject_template, text = AMAZON_NOTICES[role]
        subject = fill(subject_template, fields)
        body = fill(text, fields)
    record = {
        "id": f"{thread.alias[:6]}-{thread.seed:06d}-{index:02d}",
        "thread": f"T{thread.seed:07d}",
        "order_id": thread.order,
        "from": sender,
        "at": iso(epoch, zone),
        "subject": subject,
        "body": body,
        "no_response_needed": no_response_needed,
        "auto_reply": auto_reply,
        "attachments": attachments,
    }
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", nargs="?", default="/tmp/parley-1m.jsonl")
    parser.add_argument("--messages", type=int, default=1_000_000, help="exact number of messages (default 1,000,000)")
    parser.add_argument("--threads", type=int, default=None,
                        help="threads to draw start times for (default: messages / 4; the count used is what the messages fill)")
    parser.add_argument("--days", type=int, default=120)
    parser.add_argument("--end", default="2026-11-25T00:00:00+00:00", help="no message after this instant (ISO 8601)")
    parser.add_argument("--seed", type=int, default=20261125)
    args = parser.parse_args()

    started = time.monotonic()
    end = int(datetime.fromisoformat(args.end).timestamp())
    begin = end - args.days * DAY
    rng = random.Random(args.seed)
    slots = args.threads or max(1, args.messages // 4)

    # Thread start times: busier in the (UTC) afternoon and evening, quieter at weekends' night.
    starts = []
    while len(starts) < slots + slots // 4:
        epoch = begin + int(rng.random() * (end - begin))
        hour = (epoch % DAY) // HOUR
        if rng.random() < 0.35 + 0.65 * math.sin(math.pi * ((hour - 4) % 24) / 24) ** 2:
            starts.append(epoch)
    starts.sort()
    # Threads are drawn in random order of their start slot until the messages are used up, so the
    # chosen threads spread evenly over the range however many the model needs.
    order = list(range(len(starts)))
    rng.shuffle(order)

    threads = []
    total = 0
    for slot in order:
        if total >= args.messages:
            break
        thread = build_thread(rng, starts[slot], slot)
        thread.events = [e for e in thread.events if e[0] <= end]
        if not thread.events:
            continue
        if total + len(thread.events) > args.messages:
            thread.events = thread.events[: args.messages - total]
        total += len(thread.events)
        lang = thread.market[2]
        if thread.events[0][1] in (BUYER, BUYER_BURST):
            thread.subject = rng.choice(BUYER_SUBJECTS[lang] if thread.order else [s for s in BUYER_SUBJECTS[lang] if "{order}" not in s])
        else:
            thread.subject = rng.choice(BUYER_SUBJECTS[lang][:1])
        threads.append(thread)
    if total < args.messages:
        sys.exit(f"only {total} messages from {len(threads)} threads: raise --threads")
    # Number threads by start time; the seed field doubles as the thread number.
    threads.sort(key=lambda t: (t.events[0][0], t.seed))
    for number, thread in enumerate(threads, 1):
        thread.seed = number

    # Second pass: every message in order of time (ties by thread, then place in thread).
    keys = [(epoch, number, index) for number, thread in enumerate(threads) for index, (epoch, _) in enumerate(thread.events)]
    keys.sort()
    counts = {}
    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        buffer = []
        for epoch, number, index in keys:
            thread = threads[number]
            role = thread.events[index][1]
            counts[role] = counts.get(role, 0) + 1
            buffer.append(render(thread, index, epoch, role, args.seed))
            if len(buffer) >= 10_000:
                out.write("\n".join(buffer) + "\n")
                buffer.clear()
        if buffer:
            out.write("\n".join(buffer) + "\n")

    names = ["buyer", "buyer burst", "buyer thanks (no_response_needed)", "buyer auto-reply", "seller answer", "seller auto-reply",
             "seller proactive", "amazon return request", "amazon refund", "amazon A-to-z", "amazon delivery", "amazon cancellation"]
    print(f"{args.output}: {total:,} messages in {len(threads):,} threads, "
          f"{iso(keys[0][0], timezone.utc)} .. {iso(keys[-1][0], timezone.utc)}, {time.monotonic() - started:.1f} s", file=sys.stderr)
    for role in sorted(counts):
        print(f"  {names[role]:36} {counts[role]:>9,}", file=sys.stderr)


if __name__ == "__main__":
    main()
