import { render } from 'preact';
import { createApiClient } from './api/client';
import { App } from './app';
import './styles.css';

render(<App api={createApiClient()} />, document.getElementById('app')!);
