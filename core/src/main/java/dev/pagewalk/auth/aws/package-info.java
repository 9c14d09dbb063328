/**
 * AWS Signature Version 4: {@link dev.pagewalk.auth.aws.SigV4Signer} signs a request with the
 * {@link dev.pagewalk.auth.aws.AwsKeys} of a connection, through the AWS SDK's signer module.
 *
 * <p>Depends on: the API ({@code dev.pagewalk.spi}) and the AWS SDK's {@code http-auth-aws}.
 * Nothing here knows the engine.
 */
package dev.pagewalk.auth.aws;
