<?php
/**
 * Base test case: every test runs in a database transaction that is rolled back afterwards.
 *
 * DDL (CREATE/DROP/ALTER TABLE) commits the transaction on MySQL/MariaDB; a test that runs DDL
 * must restore what it changed in tear_down_ddl(), which runs after the rollback.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

use PHPUnit\Framework\TestCase;

/**
 * Transaction per test, clean object cache and current user afterwards.
 */
abstract class Test_Case extends TestCase {

	/**
	 * Whether this test case wraps tests in a transaction. HTTP tests turn it off: the web
	 * server is another connection, and an open SQLite transaction would lock it out.
	 *
	 * @var bool
	 */
	protected bool $use_transaction = true;

	/**
	 * Whether a transaction is open.
	 *
	 * @var bool
	 */
	private bool $in_transaction = false;

	/**
	 * Opens the transaction.
	 */
	protected function setUp(): void {
		parent::setUp();
		wp_set_current_user( 0 );
		if ( $this->use_transaction ) {
			$this->start_transaction();
		}
	}

	/**
	 * Rolls back, then lets DDL tests restore, then forgets cached state.
	 */
	protected function tearDown(): void {
		if ( $this->in_transaction ) {
			$this->rollback_transaction();
		}
		$this->tear_down_ddl();
		wp_cache_flush();
		wp_set_current_user( 0 );
		parent::tearDown();
	}

	/**
	 * Restores schema changes a test made (runs after the rollback, outside any transaction).
	 */
	protected function tear_down_ddl(): void {
	}

	/**
	 * Starts a transaction on $wpdb's connection.
	 */
	protected function start_transaction(): void {
		$this->query_or_fail( 'START TRANSACTION' );
		$this->in_transaction = true;
	}

	/**
	 * Rolls the transaction back.
	 */
	protected function rollback_transaction(): void {
		$this->query_or_fail( 'ROLLBACK' );
		$this->in_transaction = false;
		wp_cache_flush();
	}

	/**
	 * Runs a statement and fails the test with the database error if it fails.
	 *
	 * @param string $sql Statement.
	 */
	protected function query_or_fail( string $sql ): void {
		global $wpdb;
		$result = $wpdb->query( $sql ); // phpcs:ignore
		if ( false === $result ) {
			$this->fail( "{$sql} failed: {$wpdb->last_error}" );
		}
	}

	/**
	 * Makes a role's user the current user.
	 *
	 * @param string $role admin|editor|contributor|subscriber.
	 */
	protected function act_as( string $role ): void {
		wp_set_current_user( Site::user( $role )->ID );
	}
}
