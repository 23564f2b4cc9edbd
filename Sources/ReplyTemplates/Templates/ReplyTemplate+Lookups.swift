import Mustache

extension ReplyTemplate {
    /// Every name Mustache looks up while rendering the subject and the body, found by rendering
    /// with a probe instead of values. Mustache renders an unknown name as "" without a word, so
    /// this is how the tests prove that what a template uses is what it declares.
    ///
    /// A section hides its contents when its name is missing (`{{#name}}`) or present (`{{^name}}`),
    /// so the probe renders with every name present, with none, and with each name alone flipped,
    /// until no new name turns up. That reaches every tag nested up to two sections of mixed kinds
    /// deep, and any depth of sections of one kind.
    public var lookedUpNames: Set<String> {
        var found: Set<String> = []
        var tried: Set<LookupPlan> = []
        while true {
            let before = found
            var plans = [LookupPlan(presentByDefault: true, flipped: []), LookupPlan(presentByDefault: false, flipped: [])]
            for name in found.sorted() {
                plans += [LookupPlan(presentByDefault: true, flipped: [name]), LookupPlan(presentByDefault: false, flipped: [name])]
            }
            for plan in plans where tried.insert(plan).inserted {
                let probe = LookupProbe(plan: plan)
                _ = subject.render(probe)
                _ = body.render(probe)
                found.formUnion(probe.recorder.names)
            }
            if found == before { return found }
        }
    }
}

/// Which names the probe reports as present: all but the flipped ones, or only the flipped ones.
private struct LookupPlan: Hashable {
    var presentByDefault: Bool
    var flipped: Set<String>

    func isPresent(_ name: String) -> Bool { presentByDefault != flipped.contains(name) }
}

/// Collects names during one render; used on one thread only.
private final class LookupRecorder {
    var names: Set<String> = []
}

/// Stands in for the values: records each lookup and answers as the plan says.
private struct LookupProbe: MustacheParent {
    let plan: LookupPlan
    let recorder = LookupRecorder()

    func child(named name: String) -> Any? {
        recorder.names.insert(name)
        return plan.isPresent(name) ? "probe" : nil
    }
}
