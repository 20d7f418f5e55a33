<?php
/**
 * Remembers that a cap reached its alert threshold, and emails the admin once per period.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Usage;

use AgenticWriter\Settings\Settings;

/**
 * One option holds the caps in alert, by cap and period; the admin notice reads it. The email
 * goes out when a cap's period is first recorded (add_option is the once-only switch).
 */
final class Budget_Alerts {

	public const OPTION = 'agentic_writer_budget_alerts';

	/** Prefix of the per-period "email sent" flags. */
	public const SENT_PREFIX = 'agentic_writer_budget_alert_sent_';

	/**
	 * Records caps at or past their threshold (from Budgets::admit()).
	 *
	 * @param array<int,array<string,mixed>> $caps Caps with limit, spent, start, end.
	 * @param bool                           $reached Whether the cap itself was reached.
	 */
	public static function raise( array $caps, bool $reached = false ): void {
		if ( array() === $caps ) {
			return;
		}
		$alerts = self::current();
		foreach ( $caps as $cap ) {
			$period = $cap['cap'] . '_' . $cap['start']->format( 'Ymd' ) . ( null === $cap['users'] ? '' : '_' . implode( '_', $cap['users'] ) );
			$known  = isset( $alerts[ $period ] ) && ( ! $reached || $alerts[ $period ]['reached'] );
			if ( $known ) {
				continue;
			}
			$alerts[ $period ] = array(
				'cap'       => $cap['cap'],
				'limit_usd' => $cap['limit'],
				'spent_usd' => $cap['spent'],
				'user_id'   => null === $cap['users'] ? 0 : (int) $cap['users'][0],
				'reached'   => $reached,
				'resets_at' => $cap['end']->format( 'c' ),
			);
			self::email_once( $period . ( $reached ? '_cap' : '' ), $alerts[ $period ] );
		}
		update_option( self::OPTION, $alerts, false );
	}

	/**
	 * Alerts whose period has not ended.
	 *
	 * @return array<string,array<string,mixed>>
	 */
	public static function current(): array {
		$alerts = get_option( self::OPTION, array() );
		$now    = time();
		return array_filter(
			is_array( $alerts ) ? $alerts : array(),
			static fn ( $a ): bool => is_array( $a ) && strtotime( (string) ( $a['resets_at'] ?? '' ) ) > $now
		);
	}

	/**
	 * Emails the admin address about a cap, once per period, when the owner asked for it.
	 *
	 * @param string              $period Cap and period.
	 * @param array<string,mixed> $alert  What to say.
	 */
	private static function email_once( string $period, array $alert ): void {
		if ( true !== ( Settings::stored()['budgets']['alert_email'] ?? false ) || ! add_option( self::SENT_PREFIX . md5( $period ), time(), '', false ) ) {
			return;
		}
		wp_mail(
			(string) get_option( 'admin_email' ),
			/* translators: %s: site name */
			sprintf( __( '[%s] Agentic Writer spending alert', 'agentic-writer' ), wp_specialchars_decode( (string) get_option( 'blogname' ), ENT_QUOTES ) ),
			self::describe( $alert )
		);
	}

	/**
	 * One sentence about an alert, for the notice and the email.
	 *
	 * @param array<string,mixed> $alert Alert.
	 */
	public static function describe( array $alert ): string {
		return sprintf(
			/* translators: 1: cap name, 2: dollars spent, 3: cap in dollars, 4: when it resets */
			$alert['reached']
				? __( 'The %1$s budget is used up ($%2$s of $%3$s); it resets at %4$s.', 'agentic-writer' )
				: __( 'The %1$s budget is nearly used up ($%2$s of $%3$s); it resets at %4$s.', 'agentic-writer' ),
			str_replace( '_', ' ', (string) $alert['cap'] ),
			number_format( (float) $alert['spent_usd'], 4 ),
			number_format( (float) $alert['limit_usd'], 2 ),
			(string) $alert['resets_at']
		);
	}
}
