using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FocusMate.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rooms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    participant_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    allow_all_control = table.Column<bool>(type: "boolean", nullable: false),
                    auto_start_break = table.Column<bool>(type: "boolean", nullable: false),
                    auto_start_work = table.Column<bool>(type: "boolean", nullable: false),
                    break_duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    long_break_duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    long_break_interval = table.Column<int>(type: "integer", nullable: false),
                    max_participants = table.Column<int>(type: "integer", nullable: false),
                    work_duration_minutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rooms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    room_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    is_host = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participants", x => x.id);
                    table.ForeignKey(
                        name: "FK_participants_rooms_room_id",
                        column: x => x.room_id,
                        principalTable: "rooms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "timer_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    room_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    planned_seconds = table.Column<int>(type: "integer", nullable: false),
                    actual_seconds = table.Column<int>(type: "integer", nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timer_sessions", x => x.id);
                    table.ForeignKey(
                        name: "FK_timer_sessions_rooms_room_id",
                        column: x => x.room_id,
                        principalTable: "rooms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "timers",
                columns: table => new
                {
                    room_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    session_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    duration_seconds = table.Column<int>(type: "integer", nullable: false),
                    remaining_milliseconds = table.Column<long>(type: "bigint", nullable: false),
                    target_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_work_sessions = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timers", x => x.room_id);
                    table.ForeignKey(
                        name: "FK_timers_rooms_room_id",
                        column: x => x.room_id,
                        principalTable: "rooms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_participants_room_id_joined_at",
                table: "participants",
                columns: new[] { "room_id", "joined_at" });

            migrationBuilder.CreateIndex(
                name: "IX_rooms_last_activity_at",
                table: "rooms",
                column: "last_activity_at");

            migrationBuilder.CreateIndex(
                name: "IX_rooms_normalized_name",
                table: "rooms",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_timer_sessions_room_id_ended_at",
                table: "timer_sessions",
                columns: new[] { "room_id", "ended_at" });

            migrationBuilder.CreateIndex(
                name: "IX_timers_target_at",
                table: "timers",
                column: "target_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "participants");

            migrationBuilder.DropTable(
                name: "timer_sessions");

            migrationBuilder.DropTable(
                name: "timers");

            migrationBuilder.DropTable(
                name: "rooms");
        }
    }
}
