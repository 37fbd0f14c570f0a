using System.Buffers;
using System.Reflection;
using System.Text.Json;
using FocusMate.Core.Errors;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.Net.Http.Headers;

namespace FocusMate.Api.Json;

/// <summary>
/// Reads every JSON request body, and answers every way one can be wrong with the contract's code:
/// a body that is not JSON or not sent as JSON is <c>MALFORMED_REQUEST</c>, a body over the limit is
/// <c>PAYLOAD_TOO_LARGE</c>, and a well-formed body with a wrong type or an unknown field is a
/// <c>VALIDATION_ERROR</c> naming the field. It claims every content type so a wrong one gets that
/// answer instead of a bare 415.
/// </summary>
public sealed class StrictJsonInputFormatter : InputFormatter
{
    private readonly long _maxBodyBytes;

    private static readonly JsonReaderOptions SyntaxOnly = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };

    public StrictJsonInputFormatter(long maxBodyBytes) : this()
    {
        _maxBodyBytes = maxBodyBytes;
    }

    private StrictJsonInputFormatter() => SupportedMediaTypes.Add("application/json");

    public override bool CanRead(InputFormatterContext context) => true;

    public override async Task<InputFormatterResult> ReadRequestBodyAsync(InputFormatterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        var body = await ReadLimitedAsync(request, context.HttpContext.RequestAborted);
        if (body.Length == 0)
        {
            return context.TreatEmptyInputAsDefaultValue
                ? InputFormatterResult.Success(null)
                : throw new MalformedRequestException("A JSON object is required as the request body.");
        }

        if (!IsJson(request.ContentType))
        {
            throw new MalformedRequestException("The request body must be sent as Content-Type: application/json.");
        }

        EnsureWellFormedObject(body);
        try
        {
            return InputFormatterResult.Success(JsonSerializer.Deserialize(body, context.ModelType, ApiJson.Options));
        }
        catch (JsonException ex)
        {
            throw FieldError(context.ModelType, ex);
        }
    }

    private async Task<byte[]> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > _maxBodyBytes)
        {
            throw new PayloadTooLargeException(_maxBodyBytes);
        }

        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > _maxBodyBytes)
            {
                throw new PayloadTooLargeException(_maxBodyBytes);
            }
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static void EnsureWellFormedObject(byte[] body)
    {
        var reader = new Utf8JsonReader(body, SyntaxOnly);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new MalformedRequestException("The request body must be a JSON object.");
            }

            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            throw new MalformedRequestException($"The request body is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>Names the field a deserialisation error is about, and what it should have been.</summary>
    private static RequestValidationException FieldError(Type modelType, JsonException error)
    {
        var path = error.Path ?? "$";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : UnknownPropertyIn(error.Message) ?? "body";
        var property = PropertyOf(modelType, field);
        var message = property is null
            ? $"'{field}' is not a field of this request."
            : $"'{field}' must be {Expected(property.PropertyType)}.";
        return RequestValidationException.For(field, message);
    }

    private static PropertyInfo? PropertyOf(Type modelType, string field) =>
        modelType.GetProperties().FirstOrDefault(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == field);

    /// <summary>The JSON property named in an "unmapped member" or "duplicate property" message.</summary>
    private static string? UnknownPropertyIn(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start + 1 ? message[(start + 1)..end] : null;
    }

    private static string Expected(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum)
        {
            var names = Enum.GetNames(underlying).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName);
            return $"one of {string.Join(", ", names)}";
        }

        return underlying switch
        {
            _ when underlying == typeof(bool) => "true or false",
            _ when underlying == typeof(int) || underlying == typeof(long) => "a whole number",
            _ when underlying == typeof(string) => "a string",
            _ => "a value of the documented type",
        };
    }
}
