<?php
/**
 * Uninstall removes the plugin's options and table; deactivation and a stray request do not.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

use AgenticWriter\Admin\Fallback_Notice;
use AgenticWriter\Editor\Brief_Meta;
use AgenticWriter\Editor\Chat_History;
use AgenticWriter\Routing\Circuit_Breaker;
use AgenticWriter\Routing\Health_Cache;
use AgenticWriter\Settings\Settings;
use AgenticWriter\Uninstaller;
use AgenticWriter\Usage\Pricing;
use AgenticWriter\Usage\Usage_Table;

/**
 * Uninstall behaviour.
 */
final class Uninstall_Test extends Test_Case {

	private const PLUGIN = 'agentic-writer/agentic-writer.php';

	/**
	 * Option values before the test (DROP TABLE commits on MariaDB, so they are restored by hand).
	 *
	 * @var array<string, mixed>
	 */
	private array $saved_options = array();

	/**
	 * Post carrying the plugin's post meta (DROP TABLE commits it on MariaDB: deleted by hand).
	 *
	 * @var int
	 */
	private int $post_id = 0;

	/**
	 * Remembers the options the uninstall deletes.
	 */
	protected function setUp(): void {
		parent::setUp();
		foreach ( Uninstaller::OPTIONS as $option ) {
			$this->saved_options[ $option ] = get_option( $option );
		}
	}

	/**
	 * Recreates the table and puts the options back.
	 */
	protected function tear_down_ddl(): void {
		if ( $this->post_id > 0 && get_post( $this->post_id ) ) {
			wp_delete_post( $this->post_id, true );
		}
		Usage_Table::install();
		foreach ( $this->saved_options as $option => $value ) {
			if ( false === $value ) {
				delete_option( $option );
			} else {
				update_option( $option, $value );
			}
		}
	}

	/**
	 * WordPress's own uninstall (Plugins → Delete) runs uninstall.php, which removes everything.
	 */
	public function test_uninstall_removes_options_and_table(): void {
		update_option( 'agentic_writer_settings', array( 'provider_mode' => 'cloud' ) );
		Settings::flush_cache();
		$breaker = Circuit_Breaker::from_settings();
		$health  = new Health_Cache();
		for ( $i = 0; $i < 3; $i++ ) {
			$breaker->record_failure( 'openrouter' );
		}
		$this->assertSame( 'open', $breaker->snapshot( 'openrouter' )['state'] );
		$health->record( 'local_backend', false, 'connection', 'refused', 3 );
		set_transient( Pricing::TRANSIENT, array( 'openai/gpt-4o' => array() ) );
		update_user_meta( 1, Fallback_Notice::USER_META, time() );
		$this->post_id = (int) wp_insert_post(
			array(
				'post_title'  => 'Written with Agentic Writer',
				'post_status' => 'draft',
			)
		);
		update_post_meta( $this->post_id, Brief_Meta::META_KEY, array( 'brief' => 'Bees' ) );
		Chat_History::append( $this->post_id, 1, array( array( 'role' => 'user', 'content' => 'Hello' ) ) );
		Chat_History::append( $this->post_id, 2, array( array( 'role' => 'user', 'content' => 'Hi' ) ) );
		update_post_meta( $this->post_id, '_agentic_writer_generated', 1 );
		$this->assertTrue( is_uninstallable_plugin( self::PLUGIN ) );

		$this->assertTrue( uninstall_plugin( self::PLUGIN ) );

		wp_cache_flush();
		$this->assertFalse( Usage_Table::exists() );
		// Named here, not read from Uninstaller::OPTIONS: a name dropped from that list must fail.
		foreach ( array( 'agentic_writer_settings', Usage_Table::VERSION_OPTION ) as $option ) {
			$this->assertFalse( get_option( $option ), "option {$option}" );
		}
		$this->assertSame( 0, $breaker->snapshot( 'openrouter' )['failures'], 'breaker state removed' );
		$this->assertNull( $health->get( 'local_backend' ), 'health removed' );
		$this->assertFalse( get_transient( Pricing::TRANSIENT ), 'model catalogue removed' );
		$this->assertSame( '', get_user_meta( 1, Fallback_Notice::USER_META, true ), 'dismissal meta removed' );
		$this->assertFalse( metadata_exists( 'post', $this->post_id, Brief_Meta::META_KEY ), 'brief removed' );
		$this->assertFalse( metadata_exists( 'post', $this->post_id, Chat_History::meta_key( 1 ) ), 'chat removed' );
		$this->assertFalse( metadata_exists( 'post', $this->post_id, Chat_History::meta_key( 2 ) ), 'every user\'s chat removed' );
		$this->assertSame( '1', get_post_meta( $this->post_id, '_agentic_writer_generated', true ), 'provenance labels stay' );
	}

	/**
	 * Deactivating keeps the data.
	 */
	public function test_deactivation_keeps_table_and_options(): void {
		update_option( 'agentic_writer_settings', array( 'provider_mode' => 'hybrid' ) );

		deactivate_plugins( self::PLUGIN, true );

		$this->assertFalse( is_plugin_active( self::PLUGIN ) );
		$this->assertTrue( Usage_Table::exists() );
		$this->assertSame( array( 'provider_mode' => 'hybrid' ), get_option( 'agentic_writer_settings' ) );
		$this->assertSame( Usage_Table::SCHEMA_VERSION, Usage_Table::stored_version() );
	}

	/**
	 * Requesting uninstall.php outside WordPress's uninstall stops before touching anything.
	 * Runs in a separate PHP process, so WP_UNINSTALL_PLUGIN is really undefined there.
	 */
	public function test_uninstall_file_does_nothing_without_wordpress_uninstall(): void {
		$site   = $GLOBALS['aw_test_site'];
		$script = sprintf(
			'$_SERVER["HTTP_HOST"] = %s; $_SERVER["REQUEST_URI"] = "/"; require %s; include %s; echo "continued";',
			var_export( (string) wp_parse_url( $site['url'], PHP_URL_HOST ) . ':' . wp_parse_url( $site['url'], PHP_URL_PORT ), true ),
			var_export( $site['path'] . '/wp-load.php', true ),
			var_export( WP_PLUGIN_DIR . '/agentic-writer/uninstall.php', true )
		);
		$this->rollback_transaction(); // The child process must not wait on this test's locks.
		exec( escapeshellarg( PHP_BINARY ) . ' -r ' . escapeshellarg( $script ) . ' 2>&1', $output, $exit_code );
		$this->start_transaction();

		$this->assertSame( 0, $exit_code, implode( "\n", $output ) );
		$this->assertStringNotContainsString( 'continued', implode( "\n", $output ) );
		$this->assertTrue( Usage_Table::exists() );
		$this->assertSame( Usage_Table::SCHEMA_VERSION, Usage_Table::stored_version() );
	}
}
