package dev.packetlab.server.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link InstanceAccessInterceptor} in front of every endpoint under {@code /api/instances/{id}}. */
@Configuration
public class InstanceAccessConfig implements WebMvcConfigurer {
    private final InstanceAccessInterceptor interceptor;

    public InstanceAccessConfig(InstanceAccessInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/api/instances/*", "/api/instances/*/**");
    }
}
