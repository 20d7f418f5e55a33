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
use AgenticWriter\Rest\Provider_Models_Controller;
use AgenticWriter\Routing\Circuit_Breaker;
use AgenticWriter\Routing\Health_Cache;
use AgenticWriter\Settings\Settings;
use AgenticWriter\Storage\Shared_State;
use AgenticWriter\Usage\Pricing;
use AgenticWriter\Usage\Usage_Retention;
use AgenticWriter\Usage\Usage_Table;

/**
 * Removes the plugin's options, transients, user meta, post meta (briefs, chats) and its usage
 * table, on every site of a multisite network.
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
	 * Removes the plugin's data from every site of the network (or the one site), then the
	 * network-wide user meta.
	 */
	public static function uninstall(): void {
		if ( is_multisite() ) {
			foreach ( get_sites(
				array(
					'fields' => 'ids',
					'number' => 0,
				)
			) as $site_id ) {
				switch_to_blog( (int) $site_id );
				self::uninstall_site();
				restore_current_blog();
			}
		} else {
			self::uninstall_site();
		}
		Settings::flush_cache();
		delete_metadata( 'user', 0, Fallback_Notice::USER_META, '', true );
	}

	/**
	 * Deletes one site's options, per-provider state, caches, post meta, and drops its usage table.
	 */
	private static function uninstall_site(): void {
		// Another site's settings may still be cached from before the switch.
		Settings::flush_cache();
		// Provider ids come from the settings, so their state goes before the settings do.
		$breaker = Circuit_Breaker::from_settings();
		$health  = new Health_Cache();
		foreach ( Settings::provider_ids() as $id ) {
			$breaker->forget( $id );
			$health->forget( $id );
		}
		delete_transient( Pricing::TRANSIENT );
		delete_transient( Provider_Models_Controller::TRANSIENT );
		// Generated images keep their `_agentic_writer_*` labels: they say where the content came from.
		Brief_Meta::forget_all();
		Chat_History::forget_all();
		foreach ( self::OPTIONS as $option ) {
			delete_option( $option );
		}
		Usage_Table::drop();
		Usage_Retention::unschedule();
		// Last, whatever is left under the plugin's names: breaker counts, probe and request
		// leases, transients of providers since removed from the settings.
		Shared_State::for_site()->forget_all();
	}
}
