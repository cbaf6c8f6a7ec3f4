using Microsoft.AspNetCore.Http.HttpResults;

namespace WeLink.Server.Cases.Engine;

/// <summary>
/// The one HTTP vocabulary of engine results, for staff and consumers alike: a move is the caller's success, a case
/// not found (or outside the caller's scope) 404, a conflict 409 with the case's current version, an actor whose role may
/// not take the step 403, any other refusal 422 with the reason and its details (for bad input, each field named). The
/// <c>detail</c> is Chinese, for the staff app and the consumer's pages to show as is; the engine's own English message
/// stays in the <c>title</c> for whoever reads the raw answer.
/// </summary>
public static class CaseResultHttp
{
    public static Results<TOk, NotFound, ProblemHttpResult> ToHttp<TOk>(this CaseResult result, Func<CaseMoved, TOk> moved)
        where TOk : IResult
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(moved);
        return result switch
        {
            CaseMoved step => moved(step),
            CaseConflict conflict => TypedResults.Problem(
                "该案件刚被其他人处理过，请刷新后查看最新状态再操作。", statusCode: StatusCodes.Status409Conflict, title: conflict.Message,
                extensions: new Dictionary<string, object?> { ["version"] = conflict.CurrentVersion, ["currentVersion"] = conflict.CurrentVersion }),
            CaseRefused refused => Refusal(refused),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary>As <see cref="ToHttp{TOk}"/>, for a success that reads what the move produced; null from it is 404.</summary>
    public static async Task<Results<TOk, NotFound, ProblemHttpResult>> ToHttpAsync<TOk>(this CaseResult result, Func<CaseMoved, Task<TOk?>> moved)
        where TOk : class, IResult
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(moved);
        return result is CaseMoved step
            ? await moved(step) is { } ok ? ok : TypedResults.NotFound()
            : result.ToHttp<TOk>(_ => throw new InvalidOperationException("A move is answered above."));
    }

    /// <summary>
    /// Bad input and a refused assignee name their fields (details of the form <c>field: what is wrong</c>): the detail
    /// names them and <c>errors</c> holds each field's problems, as the framework's own validation answers.
    /// </summary>
    private static ProblemHttpResult Refusal(CaseRefused refused)
    {
        var errors = refused.Reason is CaseRefusalReason.InvalidInput or CaseRefusalReason.InvalidAssignee
            ? refused.Details.Select(d => d.Split(':', 2)).Where(p => p.Length == 2)
                .GroupBy(p => p[0].Trim(), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p[1].Trim()).ToArray(), StringComparer.Ordinal)
            : [];
        var extensions = new Dictionary<string, object?> { ["reason"] = refused.Reason.ToString(), ["details"] = refused.Details };
        if (errors.Count > 0)
        {
            extensions["errors"] = errors;
        }

        return TypedResults.Problem(
            errors.Count == 0 ? Explain(refused.Reason) : $"{Explain(refused.Reason)}（{string.Join("、", errors.Keys)}）",
            statusCode: refused.Reason == CaseRefusalReason.ActorNotPermitted ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity,
            title: refused.Message,
            extensions: extensions);
    }

    /// <summary>What a person reads about a refusal.</summary>
    public static string Explain(CaseRefusalReason reason) => reason switch
    {
        CaseRefusalReason.UnknownTrigger => "没有这个操作。",
        CaseRefusalReason.NotAllowedFromState => "案件当前的状态下不能进行这个操作，请刷新后查看。",
        CaseRefusalReason.ActorNotPermitted => "您的角色不能进行这个操作。",
        CaseRefusalReason.InvalidInput => "填写的内容有误，请检查后重试。",
        CaseRefusalReason.StepsMissing => "还有必须完成的处理步骤，请先完成。",
        CaseRefusalReason.GuardFalse => "不满足这个操作的条件（例如超出您的权限）。",
        CaseRefusalReason.UnknownDefinition => "这个流程不存在。",
        CaseRefusalReason.InvalidParameters => "流程参数设置有误，请联系管理员。",
        CaseRefusalReason.OpenCaseExists => "已有一件同类事项正在处理中。",
        CaseRefusalReason.MissingBusinessKey => "缺少业务编号。",
        CaseRefusalReason.AlreadyClaimed => "这个案件已被其他同事认领。",
        CaseRefusalReason.CaseClosed => "这个案件已经结束。",
        CaseRefusalReason.InvalidAssignee => "不能转交给所选的同事或角色。",
        CaseRefusalReason.FeatureWriteRefused => "提交的内容已被使用或已失效，请检查后重试。",
        _ => "这个操作未被允许。",
    };
}
