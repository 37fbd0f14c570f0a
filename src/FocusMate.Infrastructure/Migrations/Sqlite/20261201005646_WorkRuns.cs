using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FocusMate.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "work_runs",
                columns: table => new
                {
                    room_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_runs", x => new { x.room_id, x.ended_at });
                    table.ForeignKey(
                        name: "FK_work_runs_rooms_room_id",
                        column: x => x.room_id,
                        principalTable: "rooms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Focus stored before this migration is focus itself (not readiness) and lies within the work phases of the
            // history: those phases stand in for the runs, so it still counts in full.
            migrationBuilder.Sql(
                "INSERT INTO work_runs (room_id, started_at, ended_at) " +
                "SELECT room_id, started_at, ended_at FROM timer_sessions WHERE session_type = 'Work' AND ended_at > started_at " +
                "ON CONFLICT DO NOTHING;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "work_runs");
        }
    }
}
