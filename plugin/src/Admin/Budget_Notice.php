<?php
/**
 * Admin notice when a spending cap nears or reaches its limit.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Admin;

use AgenticWriter\Usage\Budget_Alerts;

/**
 * Shown to administrators while the cap's period lasts (a day or a month); a new period
 * starts without it.
 */
final class Budget_Notice {

	/**
	 * Hooks the notice.
	 */
	public function hook(): void {
		add_action( 'admin_notices', array( $this, 'render' ) );
	}

	/**
	 * Prints the notice.
	 */
	public function render(): void {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$alerts = Budget_Alerts::current();
		if ( array() === $alerts ) {
			return;
		}
		$items   = array_map( static fn ( array $a ): string => '<li>' . esc_html( Budget_Alerts::describe( $a ) ) . '</li>', array_values( $alerts ) );
		$reached = array() !== array_filter( $alerts, static fn ( array $a ): bool => (bool) $a['reached'] );
		printf(
			'<div class="notice %1$s agentic-writer-budget-notice"><p><strong>%2$s</strong> %3$s</p><ul style="list-style:disc;margin-left:2em">%4$s</ul></div>',
			esc_attr( $reached ? 'notice-error' : 'notice-warning' ),
			esc_html__( 'Agentic Writer:', 'agentic-writer' ),
			esc_html__( 'spending is close to or at a budget cap. Caps are in Settings → Agentic Writer → Budgets.', 'agentic-writer' ),
			implode( '', $items ) // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- each item escaped above.
		);
	}
}
