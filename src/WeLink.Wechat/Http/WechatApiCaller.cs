using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using WeLink.Wechat.OfficialAccount.Models;

namespace WeLink.Wechat.Http;

/// <summary>
/// Sends one API call and turns the answer into a model, or into <see cref="WechatApiException"/>
/// for a non-zero errcode. Logs name the path only: query strings carry tokens.
/// </summary>
internal sealed partial class WechatApiCaller(HttpClient http, Uri baseUrl, ILogger logger)
{
    public async Task<TResponse> PostAsync<TRequest, TResponse>(
        string path,
        IEnumerable<KeyValuePair<string, string?>> query,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
        where TResponse : WechatResponse
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WechatUrl.Build(baseUrl, path, query))
        {
            Content = JsonContent.Create(body, requestType),
        };
        return await SendAsync(request, path, responseType, cancellationToken);
    }

    /// <summary>A multipart POST of one file in the form field <paramref name="field"/> (media uploads).</summary>
    public async Task<TResponse> PostFileAsync<TResponse>(
        string path,
        IEnumerable<KeyValuePair<string, string?>> query,
        string field,
        MediaFile file,
        string fileName,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
        where TResponse : WechatResponse
    {
        var part = new ReadOnlyMemoryContent(file.Bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
        using var form = new MultipartFormDataContent { { part, field, fileName } };
        using var request = new HttpRequestMessage(HttpMethod.Post, WechatUrl.Build(baseUrl, path, query)) { Content = form };
        return await SendAsync(request, path, responseType, cancellationToken);
    }

    public async Task<TResponse> GetAsync<TResponse>(
        string path,
        IEnumerable<KeyValuePair<string, string?>> query,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
        where TResponse : WechatResponse
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, WechatUrl.Build(baseUrl, path, query));
        return await SendAsync(request, path, responseType, cancellationToken);
    }

    /// <summary>
    /// A GET answering bytes (media downloads): the body with its content type, or <see cref="WechatApiException"/> when
    /// WeChat answers its JSON error instead of the file.
    /// </summary>
    public async Task<(byte[] Bytes, string ContentType)> GetBytesAsync(
        string path, IEnumerable<KeyValuePair<string, string?>> query, JsonTypeInfo<WechatResponse> errorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, WechatUrl.Build(baseUrl, path, query));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogHttpFailure(logger, path, (int)response.StatusCode);
            throw new HttpRequestException($"WeChat API {path} answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }

        var contentType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        // A refusal comes as JSON (some hosts label it text/plain); a file never starts with '{'.
        if (contentType is "application/json" or "text/plain" && bytes.Length > 0 && bytes[0] == (byte)'{')
        {
            var error = JsonSerializer.Deserialize(bytes, errorType)
                ?? throw new WechatApiException($"WeChat API {path} answered an empty error.");
            LogApiError(logger, path, error.Errcode, error.Errmsg);
            throw new WechatApiException(path, error.Errcode, error.Errmsg);
        }

        return (bytes, contentType);
    }

    private async Task<TResponse> SendAsync<TResponse>(
        HttpRequestMessage request, string path, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : WechatResponse
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogHttpFailure(logger, path, (int)response.StatusCode);
            throw new HttpRequestException($"WeChat API {path} answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }

        // WeChat labels some JSON answers text/plain, so the body is parsed whatever its content type.
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        TResponse? result;
        try
        {
            result = await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new WechatApiException($"WeChat API {path} answered a body that is not the expected JSON.", exception);
        }

        if (result is null)
        {
            throw new WechatApiException($"WeChat API {path} answered an empty body.");
        }

        if (result.Errcode != 0)
        {
            LogApiError(logger, path, result.Errcode, result.Errmsg);
            throw new WechatApiException(path, result.Errcode, result.Errmsg);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat API {ApiPath} answered errcode {Errcode}: {Errmsg}")]
    private static partial void LogApiError(ILogger logger, string apiPath, int errcode, string? errmsg);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat API {ApiPath} answered HTTP {StatusCode}")]
    private static partial void LogHttpFailure(ILogger logger, string apiPath, int statusCode);
}
