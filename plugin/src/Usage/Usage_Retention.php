<?php
/**
 * Deletes usage rows older than the retention setting, once a day (WP-Cron).
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Usage;

use AgenticWriter\Settings\Settings;

/**
 * Scheduled on activation (and on admin pages if the event went missing, e.g. after an
 * upgrade over FTP), cleared on deactivation and uninstall. `retention_days` 0 keeps all.
 */
final class Usage_Retention {

	public const HOOK = 'agentic_writer_prune_usage';

	/**
	 * Schedules the daily prune unless it is scheduled.
	 */
	public static function schedule(): void {
		if ( false === wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', self::HOOK );
		}
	}

	/**
	 * Removes the daily prune.
	 */
	public static function unschedule(): void {
		wp_clear_scheduled_hook( self::HOOK );
	}

	/**
	 * Deletes the rows older than the retention setting.
	 *
	 * @return int Rows deleted.
	 */
	public static function prune(): int {
		$days = (int) ( Settings::stored()['retention_days'] ?? 0 );
		if ( $days <= 0 ) {
			return 0;
		}
		return ( new Usage_Queries() )->delete_before( gmdate( 'Y-m-d H:i:s', time() - $days * DAY_IN_SECONDS ) );
	}
}
