<?php
/**
 * What `uninstall.php` removes. Deactivation keeps everything; only uninstall deletes.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter;

use AgenticWriter\Admin\Fallback_Notice;
use AgenticWriter\Editor\Brief_Meta;
use AgenticWriter\Editor\Chat_History;
use AgenticWriter\Routing\Circuit_Breaker;
use AgenticWriter\Routing\Health_Cache;
use AgenticWriter\Settings\Settings;
use AgenticWriter\Storage\Shared_State;
use AgenticWriter\Usage\Pricing;
use AgenticWriter\Usage\Usage_Table;

/**
 * Removes the plugin's options, transients, user meta, post meta (briefs, chats) and its usage table.
 */
final class Uninstaller {

	/**
	 * Options the plugin owns.
	 */
	public const OPTIONS = array(
		'agentic_writer_settings',
		Usage_Table::VERSION_OPTION,
	);

	/**
	 * Deletes options, per-provider state, caches, user and post meta, and drops the usage table.
	 */
	public static function uninstall(): void {
		// Provider ids come from the settings, so their state goes before the settings do.
		$breaker = Circuit_Breaker::from_settings();
		$health  = new Health_Cache();
		foreach ( Settings::provider_ids() as $id ) {
			$breaker->forget( $id );
			$health->forget( $id );
		}
		// Breaker counts, probe and request leases of every provider and user.
		Shared_State::for_site()->forget_all();
		delete_transient( Pricing::TRANSIENT );
		delete_metadata( 'user', 0, Fallback_Notice::USER_META, '', true );
		// Generated images keep their `_agentic_writer_*` labels: they say where the content came from.
		Brief_Meta::forget_all();
		Chat_History::forget_all();
		foreach ( self::OPTIONS as $option ) {
			delete_option( $option );
		}
		Usage_Table::drop();
	}
}
