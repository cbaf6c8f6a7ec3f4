namespace WeLink.Workflow.Engine;

/// <summary>Why a transition was refused, checked in this order.</summary>
public enum RefusalReason
{
    /// <summary>The definition has no transition on the trigger at all.</summary>
    UnknownTrigger,

    /// <summary>The trigger exists but not from the case's current state.</summary>
    NotAllowedFromState,

    /// <summary>The actor's kind or roles are not among those allowed.</summary>
    ActorNotPermitted,

    /// <summary>The input does not match what the transition declares (missing, unknown, wrong type, out of limits); each field is named.</summary>
    InvalidInput,

    /// <summary>Named steps the transition requires are not done yet; all of them are named.</summary>
    StepsMissing,

    /// <summary>Every candidate transition's guard is false.</summary>
    GuardFalse,
}
