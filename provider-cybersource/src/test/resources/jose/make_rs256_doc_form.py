# Writes rs256_doc_form.txt: the v5 inputs (P12 key, jti, body, fixed clock) signed RS256 in the documented
# form (header {"alg","typ","kid"}, claims in the order and spelling of the guide's Step 3D example, as v8).
# Independent of the Java code under test: python3 + cryptography. Run from this folder.
import base64, hashlib, json
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

v5 = json.load(open('vectors.json'))['vectors']['v5_rs256_post']
key = serialization.load_pem_private_key(open('jwt_p12.key.pk8.pem', 'rb').read(), None)
b64url = lambda b: base64.urlsafe_b64encode(b).rstrip(b'=').decode()
header = '{"alg":"RS256","typ":"JWT","kid":"7300000000000000000003"}'
claims = json.dumps({
    "digest": base64.b64encode(hashlib.sha256(v5['body'].encode()).digest()).decode(),
    "digestAlgorithm": "SHA-256", "iat": 1796083200, "exp": 1796083320, "request-method": "post",
    "request-resource-path": "/pts/v2/credits", "request-host": "apitest.cybersource.com", "iss": "testmerchant",
    "jti": json.loads(v5['claims_json'])['jti'], "v-c-jwt-version": "2", "v-c-merchant-id": "testmerchant"},
    separators=(',', ':'))
signing_input = b64url(header.encode()) + '.' + b64url(claims.encode())
signature = key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
open('rs256_doc_form.txt', 'w').write(signing_input + '.' + b64url(signature) + '\n')
