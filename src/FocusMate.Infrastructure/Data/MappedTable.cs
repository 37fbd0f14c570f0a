using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace FocusMate.Infrastructure.Data;

/// <summary>
/// An entity's table as the EF Core model maps it, for the statements written as raw SQL on the hot paths
/// (<see cref="TimerCompareAndSwap"/>, <see cref="FocusStatements"/>): the delimited table and column names of the
/// provider, and parameters typed and converted as EF Core would (enums as text, instants as the provider stores them).
/// </summary>
internal sealed class MappedTable
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _table;
    private readonly ConcurrentDictionary<string, string> _columns = new();

    public MappedTable(DbContext db, Type type)
    {
        _entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
        _table = StoreObjectIdentifier.Table(_entity.GetTableName()!, _entity.GetSchema());
        Sql = db.GetService<ISqlGenerationHelper>();
        Table = Sql.DelimitIdentifier(_table.Name, _table.Schema);
    }

    public ISqlGenerationHelper Sql { get; }

    /// <summary>The table's delimited name.</summary>
    public string Table { get; }

    public IProperty Property(string name) =>
        _entity.FindProperty(name) ?? throw new InvalidOperationException($"{_entity.ClrType.Name}.{name} is not mapped.");

    /// <summary>The delimited column of a property.</summary>
    public string this[string property] => _columns.GetOrAdd(property, p => Sql.DelimitIdentifier(Property(p).GetColumnName(_table)!));

    /// <summary>A parameter for <paramref name="property"/>, made by <paramref name="command"/> (which it is not added to).</summary>
    public static DbParameter Parameter(DbCommand command, IProperty property, string name, object? value) =>
        property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable);

    /// <summary>Gives a parameter made by <see cref="Parameter"/> a new value, converted as EF Core would for <paramref name="property"/>.</summary>
    public static void Assign(DbParameter parameter, IProperty property, object? value)
    {
        var converter = property.GetRelationalTypeMapping().Converter;
        parameter.Value = (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
    }
}
