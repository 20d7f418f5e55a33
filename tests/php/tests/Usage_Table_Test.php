<?php
/**
 * Activation created the usage table as DESIGN.md §5 lists it; the upgrade routine repairs older schemas.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

use AgenticWriter\Usage\Usage_Table;

/**
 * Usage table schema, install and upgrade.
 */
final class Usage_Table_Test extends Test_Case {

	private const PLUGIN = 'agentic-writer/agentic-writer.php';

	/**
	 * Whether this test changed the schema (and must repair it afterwards).
	 *
	 * @var bool
	 */
	private bool $changed_schema = false;

	/**
	 * Puts the table and schema version back after a DDL test.
	 */
	protected function tear_down_ddl(): void {
		if ( $this->changed_schema ) {
			Usage_Table::install();
		}
		// After DDL, MariaDB autocommits: a failed re-activation must not leave the site without the plugin.
		if ( ! is_plugin_active( self::PLUGIN ) ) {
			activate_plugin( self::PLUGIN, '', false, true );
		}
	}

	/**
	 * Activating the plugin (its activation hook) creates the table and records the version.
	 */
	public function test_activation_hook_creates_the_table(): void {
		$this->changed_schema = true;
		deactivate_plugins( self::PLUGIN, true );
		Usage_Table::drop();
		$this->assertFalse( Usage_Table::exists() );

		$result = activate_plugin( self::PLUGIN );

		$this->assertNull( $result, is_wp_error( $result ) ? $result->get_error_message() : '' );
		$this->assertTrue( is_plugin_active( self::PLUGIN ) );
		$this->assertTrue( Usage_Table::exists() );
		$this->assertSame( Usage_Table::COLUMNS, Schema_Inspector::columns( Usage_Table::name() ) );
		$this->assertSame( Usage_Table::SCHEMA_VERSION, Usage_Table::stored_version() );
	}

	/**
	 * The plugin is active on the site under test.
	 */
	public function test_plugin_is_active(): void {
		$this->assertTrue( is_plugin_active( self::PLUGIN ) );
	}

	/**
	 * Every column of DESIGN.md §5, in order, then `attempt` (1 for a request's first row: what
	 * counts requests additively).
	 */
	public function test_activation_created_every_column(): void {
		$this->assertTrue( Usage_Table::exists() );
		$this->assertSame(
			array(
				'id', 'created_at', 'user_id', 'post_id', 'request_id', 'task_type', 'provider', 'model',
				'tokens_prompt', 'tokens_completion', 'tokens_total', 'cost_usd', 'cost_kind', 'latency_ms',
				'ttft_ms', 'status', 'fallback_from', 'error_code', 'source', 'attempt',
			),
			Schema_Inspector::columns( Usage_Table::name() )
		);
	}

	/**
	 * Primary key and every analytics index, with their columns.
	 */
	public function test_activation_created_every_index(): void {
		$indexes = Schema_Inspector::indexes( Usage_Table::name() );
		$this->assertSame( array( 'id' ), $indexes['PRIMARY'] ?? null, 'primary key' );
		foreach ( Usage_Table::INDEXES as $name => $columns ) {
			$this->assertArrayHasKey( $name, $indexes, "index {$name}" );
			$this->assertSame( $columns, $indexes[ $name ], "columns of index {$name}" );
		}
		$this->assertCount( count( Usage_Table::INDEXES ) + 1, $indexes, 'no unexpected index: ' . implode( ', ', array_keys( $indexes ) ) );
	}

	/**
	 * Activation recorded the current schema version.
	 */
	public function test_schema_version_is_current(): void {
		$this->assertSame( Usage_Table::SCHEMA_VERSION, Usage_Table::stored_version() );
		$this->assertFalse( Usage_Table::maybe_upgrade(), 'nothing to upgrade on a current site' );
	}

	/**
	 * A row with only the required fields gets the documented defaults.
	 */
	public function test_defaults_of_a_minimal_row(): void {
		global $wpdb;
		$this->assertNotFalse( $wpdb->insert( Usage_Table::name(), array( 'created_at' => '2026-01-02 03:04:05' ) ), $wpdb->last_error );
		$row = $wpdb->get_row( $wpdb->prepare( 'SELECT * FROM ' . Usage_Table::name() . ' WHERE id = %d', $wpdb->insert_id ), ARRAY_A ); // phpcs:ignore
		$this->assertSame( 'metered', $row['cost_kind'] );
		$this->assertSame( 'ok', $row['status'] );
		$this->assertSame( 'plugin', $row['source'] );
		$this->assertNull( $row['cost_usd'], 'unknown cost stays NULL, never a made-up 0' );
		$this->assertNull( $row['ttft_ms'] );
		$this->assertEquals( 0, $row['tokens_total'] );
	}

	/**
	 * A site that never ran the install (version 0, no table) gets both from the upgrade routine.
	 */
	public function test_upgrade_from_nothing_creates_the_table(): void {
		$this->changed_schema = true;
		Usage_Table::drop();
		$this->assertFalse( Usage_Table::exists() );
		$this->assertSame( 0, Usage_Table::stored_version() );

		$this->assertTrue( Usage_Table::maybe_upgrade() );

		$this->assertTrue( Usage_Table::exists() );
		$this->assertSame( Usage_Table::COLUMNS, Schema_Inspector::columns( Usage_Table::name() ) );
		$this->assertSame( Usage_Table::SCHEMA_VERSION, Usage_Table::stored_version() );
	}

	/**
	 * An older schema (a column and an index missing, older version stored) is brought up to date.
	 */
	public function test_upgrade_adds_missing_column_and_index(): void {
		global $wpdb;
		$this->changed_schema = true;
		$table                = Usage_Table::name();
		$this->query_or_fail( "ALTER TABLE {$table} DROP INDEX model_created" );
		$this->query_or_fail( "ALTER TABLE {$table} DROP COLUMN ttft_ms" );
		update_option( Usage_Table::VERSION_OPTION, 0 );
		$this->assertNotContains( 'ttft_ms', Schema_Inspector::columns( $table ) );
		$this->assertArrayNotHasKey( 'model_created', Schema_Inspector::indexes( $table ) );

		$this->assertTrue( Usage_Table::maybe_upgrade(), (string) $wpdb->last_error );

		$this->assertContains( 'ttft_ms', Schema_Inspector::columns( $table ) );
		$this->assertSame( array( 'model', 'created_at' ), Schema_Inspector::indexes( $table )['model_created'] ?? null );
		$this->assertSame( Usage_Table::SCHEMA_VERSION, Usage_Table::stored_version() );
	}

	/**
	 * A newer stored version (plugin downgraded) is left alone.
	 */
	public function test_newer_stored_version_is_left_alone(): void {
		update_option( Usage_Table::VERSION_OPTION, Usage_Table::SCHEMA_VERSION + 1 );
		$this->assertFalse( Usage_Table::maybe_upgrade() );
		$this->assertSame( Usage_Table::SCHEMA_VERSION + 1, Usage_Table::stored_version() );
	}

	/**
	 * The upgrade routine runs on every load (plugins_loaded), cheaply.
	 */
	public function test_upgrade_routine_is_hooked(): void {
		$this->assertSame( 10, has_action( 'plugins_loaded', array( Usage_Table::class, 'maybe_upgrade' ) ) );
	}
}
