using WeLink.Workflow.Engine;

namespace WeLink.Server.Cases.Engine;

/// <summary>The evaluator's reasons (<see cref="RefusalReason"/>) followed by the ones only storage can know.</summary>
public enum CaseRefusalReason
{
    UnknownTrigger = RefusalReason.UnknownTrigger,
    NotAllowedFromState = RefusalReason.NotAllowedFromState,
    ActorNotPermitted = RefusalReason.ActorNotPermitted,
    InvalidInput = RefusalReason.InvalidInput,
    StepsMissing = RefusalReason.StepsMissing,
    GuardFalse = RefusalReason.GuardFalse,

    /// <summary>No shipped or published definition has the key.</summary>
    UnknownDefinition = 100,

    /// <summary>The brand's or dealer's parameter settings do not resolve (out of bounds, locked for the dealer ...).</summary>
    InvalidParameters,

    /// <summary>The definition allows one open case per business key and one is open; its id is the detail.</summary>
    OpenCaseExists,

    /// <summary>The definition wants one open case per business key and none was given.</summary>
    MissingBusinessKey,

    /// <summary>Another staff member holds the case.</summary>
    AlreadyClaimed,

    /// <summary>The case has reached a terminal state.</summary>
    CaseClosed,

    /// <summary>
    /// A reassignment names someone who is not an active staff member of the case's dealer, or a role that does not
    /// exist or that the staff member does not hold; each bad field is named.
    /// </summary>
    InvalidAssignee,

    /// <summary>A feature's write in the start's transaction changed other rows than it expected (<see cref="CaseWrite.ExpectedRows"/>).</summary>
    FeatureWriteRefused,
}
