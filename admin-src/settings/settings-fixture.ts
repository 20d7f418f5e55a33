/**
 * Internal dependencies
 */
import type { Settings } from '../shared/provider-settings';

/**
 * GET settings as a fresh site answers it, with an OpenRouter key stored (tests only).
 */
export function settingsFixture(): Settings {
	return {
		provider_mode: 'cloud',
		routing: {
			mode: 'simple',
			simple: { text: 'openrouter', image: 'openrouter' },
			matrix: {},
		},
		providers: {
			openrouter: {
				base_url: 'https://openrouter.ai/api/v1',
				model: 'openai/gpt-4o-mini',
				image_model: 'google/gemini-2.5-flash-image',
				api_key_set: true,
				api_key_hint: '…abcd',
			},
			local_backend: {
				base_url: 'http://127.0.0.1:8080',
				model: 'sonnet',
				api_key_set: false,
				api_key_hint: '',
			},
			anthropic: {
				base_url: 'https://api.anthropic.com',
				model: 'claude-sonnet-4-5',
				api_key_set: false,
				api_key_hint: '',
			},
			openai_compatible: [
				{
					id: 'lmstudio',
					label: 'LM Studio',
					base_url: 'http://127.0.0.1:1234/v1',
					model: 'qwen',
					api_key_set: true,
					api_key_hint: '…wxyz',
				},
			],
		},
		breaker: { failure_threshold: 3, cooldown_seconds: 30 },
		timeouts: { connect_seconds: 2, read_seconds: 120 },
	};
}
