<?php
/**
 * The harness itself: changes made in a test are really rolled back, on SQLite and MariaDB.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

use AgenticWriter\Usage\Usage_Table;

/**
 * Transaction rollback of the base test case.
 */
final class Transaction_Rollback_Test extends Test_Case {

	/**
	 * A row, an option and a post written inside the test are gone after the rollback.
	 */
	public function test_rollback_undoes_rows_options_and_posts(): void {
		global $wpdb;
		$table      = Usage_Table::name();
		$request_id = 'rollback-' . wp_generate_uuid4();

		$this->assertNotFalse(
			$wpdb->insert(
				$table,
				array(
					'created_at' => gmdate( 'Y-m-d H:i:s' ),
					'request_id' => $request_id,
					'provider'   => 'openrouter',
					'task_type'  => 'chat',
				)
			),
			$wpdb->last_error
		);
		update_option( 'agentic_writer_rollback_probe', $request_id );
		$post_id = wp_insert_post( array( 'post_title' => $request_id, 'post_status' => 'draft' ), true );
		$this->assertIsInt( $post_id );

		$count = "SELECT COUNT(*) FROM {$table} WHERE request_id = %s";
		$this->assertSame( '1', $wpdb->get_var( $wpdb->prepare( $count, $request_id ) ) ); // phpcs:ignore

		$this->rollback_transaction();

		$this->assertSame( '0', $wpdb->get_var( $wpdb->prepare( $count, $request_id ) ) ); // phpcs:ignore
		$this->assertFalse( get_option( 'agentic_writer_rollback_probe' ) );
		$this->assertNull( get_post( $post_id ) );

		$this->start_transaction();
	}

	/**
	 * On MariaDB the usage table must be InnoDB, or its rows would survive a rollback.
	 */
	public function test_usage_table_supports_transactions(): void {
		if ( 'sqlite' === Site::db_kind() ) {
			$this->markTestSkipped( 'MariaDB only: SQLite has no storage engines (test_rollback_undoes_rows_options_and_posts covers SQLite).' );
		}
		$this->assertSame( 'InnoDB', Schema_Inspector::storage_engine( Usage_Table::name() ) );
	}
}
