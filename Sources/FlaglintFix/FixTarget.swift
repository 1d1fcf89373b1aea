import FlaglintSupport
import FlaglintSyntax
import FlaglintFrontends
import FlaglintAnalysis
import FlaglintRules
import FlaglintEngine

/// Which evaluations `flaglint fix` rewrites, and to what.
///
/// An evaluation is recognised again after each rewrite of its file by what it looks like
/// (evaluator pattern, key expression, default expression): token positions change, those do not.
public struct FixSpec: Sendable, Hashable {
    public var pattern: String
    public var keyExpression: String
    public var defaultExpression: String

    public init(_ e: Evaluation) {
        pattern = e.evaluator.pattern
        keyExpression = e.key.expression
        defaultExpression = Self.expression(of: e.defaultValue)
    }

    package static func expression(of d: DefaultValue) -> String {
        switch d {
        case .absent: return ""
        case let .literal(_, expression), let .unresolved(expression), let .unverifiable(expression): return expression
        case let .declared(_, expression, _, _): return expression
        }
    }
}

/// What one evaluation becomes.
public struct FixValue: Sendable, Hashable {
    /// The registry key (or the key as written when the registry does not know it).
    public var flag: String
    /// What the evaluation expression returns from now on (polarity applied).
    public var value: Bool
}

/// How a flag is to be treated: `--flag KEY=VALUE` or what `stale-flag`/`removed-flag` say.
public enum FlagDecision: Sendable, Hashable {
    /// The flag always has this value: positive evaluations return it, negative ones
    /// (`isInControlGroup`, `is_off`) its opposite.
    case value(Bool)
    /// The flag is gone from the flag service: every evaluation returns its fallback.
    case fallback
}

public enum FixTargets {
    /// The value `evaluation` returns under `decision`, or why it cannot be fixed.
    public static func value(of e: Evaluation, under decision: FlagDecision) -> Result<Bool, FixTargetError> {
        switch e.evaluator.type {
        case .bool: break
        case .maybeBool:
            // An any-type evaluation is a boolean one when its fallback is a boolean literal.
            guard case let .literal(.bool(_), _) = e.defaultValue else {
                return .failure(FixTargetError("not a boolean evaluation (`\(e.evaluator.pattern)` returns any type)"))
            }
        case .any:
            return .failure(FixTargetError("not a boolean evaluation (`\(e.evaluator.pattern)` returns any type)"))
        }
        switch decision {
        case let .value(v):
            return .success(e.evaluator.polarity == .negative ? !v : v)
        case .fallback:
            switch e.defaultValue {
            case let .literal(l, expression):
                guard let t = l.truth else { return .failure(FixTargetError("the fallback `\(expression)` is not a boolean")) }
                return .success(t)
            case .absent:
                switch e.evaluator.fallback {
                case .false: return .success(false)
                case .true: return .success(true)
                case .unknown: return .failure(FixTargetError("the evaluator's fallback is not known"))
                }
            case let .declared(v, _, alternatives, _):
                guard alternatives.count <= 1 else { return .failure(FixTargetError("the declared default differs between preprocessor branches")) }
                return .success(v)
            case let .unresolved(x), let .unverifiable(x):
                return .failure(FixTargetError("the fallback `\(x)` is not a literal"))
            }
        }
    }
}

public struct FixTargetError: Error, Sendable, Equatable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}
