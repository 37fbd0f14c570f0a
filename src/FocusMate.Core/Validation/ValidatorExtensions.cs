using System.Text.Json;
using FluentValidation;
using FocusMate.Core.Errors;

namespace FocusMate.Core.Validation;

public static class ValidatorExtensions
{
    /// <summary>Validates the request, or throws the contract's <c>VALIDATION_ERROR</c> with each snake_case field's messages.</summary>
    public static async Task EnsureValidAsync<T>(this IValidator<T> validator, T? request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validator);
        if (request is null)
        {
            throw new MalformedRequestException("A JSON object is required as the request body.");
        }

        var result = await validator.ValidateAsync(request, cancellationToken);
        if (!result.IsValid)
        {
            var errors = result.Errors
                .GroupBy(e => e.PropertyName)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
            throw new RequestValidationException(errors);
        }
    }

    /// <summary>Makes validators name fields as the wire does (<c>room_name</c>, not <c>RoomName</c>).</summary>
    public static void UseSnakeCaseFieldNames()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name);
    }
}
