<?php
/**
 * Admin notice summarising recent provider fallbacks.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Admin;

use AgenticWriter\Usage\Usage_Repository;

/**
 * Tells administrators when requests were served by a fallback provider in the last day, so a
 * dead local backend or an expired key does not go unnoticed. Dismissing hides it until the
 * next fallback.
 */
final class Fallback_Notice {

	public const DISMISS_ACTION = 'agentic_writer_dismiss_fallbacks';

	public const USER_META = 'agentic_writer_fallbacks_dismissed_at';

	/**
	 * Hooks the notice and its dismiss handler.
	 */
	public function hook(): void {
		add_action( 'admin_notices', array( $this, 'render' ) );
		add_action( 'admin_post_' . self::DISMISS_ACTION, array( $this, 'dismiss' ) );
	}

	/**
	 * Fallback groups to report for the current user, newest window first.
	 *
	 * @return array<int,array{fallback_from:string,provider:string,count:int,last_at:string}>
	 */
	public function recent(): array {
		$since     = time() - DAY_IN_SECONDS;
		$dismissed = (int) get_user_meta( get_current_user_id(), self::USER_META, true );
		return ( new Usage_Repository() )->fallbacks_since( gmdate( 'Y-m-d H:i:s', max( $since, $dismissed + 1 ) ) );
	}

	/**
	 * Prints the notice.
	 */
	public function render(): void {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$groups = $this->recent();
		if ( array() === $groups ) {
			return;
		}
		$items = array();
		$total = 0;
		foreach ( $groups as $g ) {
			$total  += $g['count'];
			$items[] = sprintf(
				/* translators: 1: failing provider, 2: fallback provider, 3: count, 4: UTC time */
				__( '%1$s → %2$s: %3$d× (last %4$s UTC)', 'agentic-writer' ),
				'' !== $g['fallback_from'] ? $g['fallback_from'] : '?',
				$g['provider'],
				$g['count'],
				$g['last_at']
			);
		}
		$dismiss = wp_nonce_url( admin_url( 'admin-post.php?action=' . self::DISMISS_ACTION ), self::DISMISS_ACTION );
		printf(
			'<div class="notice notice-warning is-dismissible agentic-writer-fallback-notice"><p><strong>%1$s</strong> %2$s</p>'
				. '<ul style="list-style:disc;margin-left:2em">%3$s</ul><p><a href="%7$s">%4$s</a> <a href="%5$s">%6$s</a></p></div>',
			esc_html__( 'Agentic Writer:', 'agentic-writer' ),
			esc_html(
				sprintf(
					/* translators: %d: number of requests */
					_n( '%d request in the last 24 hours was served by a fallback provider because the first choice failed.', '%d requests in the last 24 hours were served by a fallback provider because the first choice failed.', $total, 'agentic-writer' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					$total
				)
			),
			wp_kses( implode( '', array_map( static fn ( string $i ): string => '<li>' . esc_html( $i ) . '</li>', $items ) ), array( 'li' => array() ) ),
			esc_html__( 'Test the failing provider under Settings → Agentic Writer → Providers.', 'agentic-writer' ),
			esc_url( $dismiss ),
			esc_html__( 'Dismiss until the next fallback', 'agentic-writer' ),
			esc_url( Admin_Menu::settings_url( 'providers' ) )
		);
	}

	/**
	 * Remembers the dismissal and goes back.
	 */
	public function dismiss(): void {
		check_admin_referer( self::DISMISS_ACTION );
		if ( current_user_can( 'manage_options' ) ) {
			update_user_meta( get_current_user_id(), self::USER_META, time() );
		}
		wp_safe_redirect( wp_get_referer() ? wp_get_referer() : admin_url() );
		exit;
	}
}
