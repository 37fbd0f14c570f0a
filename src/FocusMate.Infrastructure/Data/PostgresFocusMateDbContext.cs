using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FocusMate.Infrastructure.Data;

/// <summary>The PostgreSQL database (scale-out), with its own migrations in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresFocusMateDbContext(DbContextOptions<PostgresFocusMateDbContext> options) : FocusMateDbContext(options)
{
    protected override string IsHostFilter => "\"is_host\"";
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresFocusMateDbContext</c> build the model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFocusMateDbContext>
{
    public PostgresFocusMateDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFocusMateDbContext>()
            .UseNpgsql("Host=localhost;Database=focusmate;Username=focus;Password=focus").Options);
}
