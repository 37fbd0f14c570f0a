using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FocusMate.Infrastructure.Data;

/// <summary>The SQLite database (the single-process default), with its own migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteFocusMateDbContext(DbContextOptions<SqliteFocusMateDbContext> options) : FocusMateDbContext(options)
{
    protected override string IsHostFilter => "\"is_host\" = 1";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no instant type and EF cannot compare or order DateTimeOffset text there:
        // instants are stored as Unix milliseconds, which sort and compare as numbers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }
}

/// <summary>Stores a UTC instant as Unix epoch milliseconds.</summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    instant => instant.ToUnixTimeMilliseconds(),
    milliseconds => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteFocusMateDbContext</c> build the model without the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFocusMateDbContext>
{
    public SqliteFocusMateDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFocusMateDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
