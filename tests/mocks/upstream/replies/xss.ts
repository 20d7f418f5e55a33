/**
 * `reply=xss`: what a hostile or hijacked model could answer. Security tests check that none of
 * it runs or survives as markup once the sidebar has turned it into blocks.
 */

export function xssReply(): string {
	return [
		'This paragraph is ordinary text, and it must arrive intact.',
		'<script>alert(1)</script>',
		'<img src=x onerror=alert(1)>',
		'[click](javascript:alert(1))',
		'The hostile lines above must not run.',
	].join( '\n\n' );
}
