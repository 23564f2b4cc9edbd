/// A small valid reply template shared by the template tests and the CLI tests, so expected output
/// does not move when the shipped library is edited. Line numbers matter to the loader tests.
public enum TemplateSamples {
    public static let returnAuthorised = """
        ---
        id: return-authorised
        title: Return authorised
        category: returns
        when: The buyer asked to return an item and you authorised it.
        language: en-GB
        subject: "Your return for order {{order_id}}"
        message_type: reply
        variables:
          - name: buyer_name
            description: The buyer's first name.
            default: "there"
            example: "Dana"
            format: text
          - name: order_id
            description: The Amazon order id.
            required: true
            example: "114-3941689-8779232"
            format: order-id
          - name: tracking_number
            description: The return's tracking number, if any.
            default: ""
            example: "1Z999AA10123456784"
            format: tracking-number
        ---
        Hello {{buyer_name}},

        We have authorised the return for order {{order_id}}.

        {{#tracking_number}}
        Your return is tracked as {{tracking_number}}.
        {{/tracking_number}}

        Kind regards

        """
}
